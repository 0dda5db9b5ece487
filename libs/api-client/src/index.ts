// The dashboard's typed client. `schema.d.ts` is generated from the API's OpenAPI document
// (`npm run openapi`); a test fails when the committed document drifts from the API.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type ProblemDocument = Schemas['ProblemDocumentDto'];

const CSRF_COOKIE = 'csrf_token';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

/** Echoes the csrf_token cookie in X-CSRF-Token on every state-changing request (double-submit). */
const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const token = readCookie(CSRF_COOKIE);
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

export function createApiClient(baseUrl = '') {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin' });
  client.use(csrfMiddleware);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function isProblemDocument(value: unknown): value is ProblemDocument {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && 'type' in value;
}
