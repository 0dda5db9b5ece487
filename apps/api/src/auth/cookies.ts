export const SESSION_COOKIE = 'sl_session';
/** Readable by the dashboard's script, which echoes it in X-CSRF-Token (double-submit). */
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
