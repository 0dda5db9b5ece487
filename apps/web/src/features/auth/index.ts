// Signing in and out, the session guard, and the signed-in person's own password and two-step sign-in. The sign-in
// page is part of the first load (every fresh visit starts there), so it comes with the router, not with its route.
export { LoginPage } from './pages/LoginPage';
export { RequireSession, type ReturnState } from './components/RequireSession';
export { RequirePermission } from './components/RequirePermission';
export { ChangePasswordModal } from './components/ChangePasswordModal';
export { MfaEnrolment } from './components/MfaEnrolment';
export { useLogout } from './hooks/useLogout';
export { endSession } from './endSession';
