import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@web/lib/api/ApiError';

const MAX_RETRIES = 2;

/** 4xx answers will not change on retry; network trouble and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * The dashboard's query client. Any 401 from a query or mutation means the session ended (signed out
 * elsewhere, deactivated, expired): `onSessionEnded` sends the user back to sign in. A mutation that
 * deals with the end of its session itself (sign-out) sets `meta: { handlesSessionEnd: true }`.
 */
export function createQueryClient(onSessionEnded: (client: QueryClient) => void): QueryClient {
  const handleError = (error: unknown) => {
    if (isApiError(error, 401)) onSessionEnded(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.handlesSessionEnd) return;
        handleError(error);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
