export const SESSION_COOKIE = 'sl_session';
/** Readable by the dashboard's script, which echoes it in X-CSRF-Token (double-submit). */
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
/** Binds the MFA step of a sign-in to the browser that gave the right password; sent to the login routes only. */
export const MFA_PENDING_COOKIE = 'sl_mfa_pending';
export const MFA_PENDING_COOKIE_PATH = '/api/auth/login';
