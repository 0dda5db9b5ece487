import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/lots/:id with its ledger (oldest first) and recalls; on-hand over all locations. */
export function useLot(id: string) {
  return useQuery({
    queryKey: inventoryKeys.lot(id),
    queryFn: () => request(api.GET('/api/lots/{id}', { params: { path: { id } } })),
  });
}
