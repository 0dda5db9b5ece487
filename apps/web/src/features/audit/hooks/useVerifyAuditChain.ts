import { useMutation } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

/** GET /api/audit-events/verify, on demand: it recomputes every HMAC of the clinic's chain, so it is not a query that refetches by itself. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => request(api.GET('/api/audit-events/verify')) });
}
