import { createApiClient } from '@skinledger/api-client';

/** The one typed API client of the dashboard: same origin, cookie session, CSRF header on writes. */
export const api = createApiClient();
