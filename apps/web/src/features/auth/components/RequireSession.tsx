import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '@web/components/FullPageLoader';
import { setClinicLocale } from '@web/lib/time/clinicFormat';
import { useCurrentUser, SignedInUserContext } from '@web/entities/current-user';
import { lazyNamed } from '@web/lib/lazy/lazyNamed';

// Shown only to the few who must turn on two-step sign-in first: its code (and the QR encoder's) loads then.
const MfaEnrolmentRequired = lazyNamed(() => import('./MfaEnrolmentRequired'), 'MfaEnrolmentRequired', <FullPageLoader />);

export interface ReturnState {
  from?: string;
  email?: string;
}

/** The signed-in area: without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const { data: user, isPending } = useCurrentUser();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (!user) {
    const state: ReturnState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  // The clinic requires MFA for this role: the API refuses everything else (403 mfa-enrollment-required) until enrolled.
  if (user.mfaEnrollmentRequired) return <MfaEnrolmentRequired />;
  // Every date, time and word below is written in the clinic's English (lib/time reads it).
  setClinicLocale(user.organizationLocale);
  return (
    <SignedInUserContext.Provider value={user}>
      <Outlet />
    </SignedInUserContext.Provider>
  );
}
