import { useContext } from 'react';
import type { CurrentUser } from '@web/entities/current-user/currentUser';
import { SignedInUserContext } from '@web/entities/current-user/signedInUserContext';

/** The user inside the signed-in area (provided by RequireSession). */
export function useSignedInUser(): CurrentUser {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser is only available inside RequireSession');
  return user;
}
