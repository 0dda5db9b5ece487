import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

export const setupStatusKey = ['setup', 'status'] as const;
/** The owner email just created at setup, for the sign-in page to prefill. */
export const createdOwnerEmailKey = ['setup', 'created-owner-email'] as const;

/** GET /api/setup: whether this installation still needs its first clinic and owner (prefetched as the app starts). */
export const setupStatusQuery = queryOptions({
  queryKey: setupStatusKey,
  queryFn: () => request(api.GET('/api/setup')),
  staleTime: Infinity,
});

export function useSetupStatus() {
  return useQuery(setupStatusQuery);
}
