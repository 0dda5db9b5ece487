// The signed-in user, shared by every feature: who they are, what their role may do, and the cache key that
// sign-in, sign-out and profile changes write to.
export { currentUserKey, type CurrentUser } from './currentUser';
export { SignedInUserContext } from './signedInUserContext';
export { currentUserQuery, useCurrentUser } from './hooks/useCurrentUser';
export { useSignedInUser } from './hooks/useSignedInUser';
export { usePermission } from './hooks/usePermission';
export { useClinicFormat } from './hooks/useClinicFormat';
