import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/devices/:id with its service log (oldest first). */
export function useDevice(id: string | null) {
  return useQuery({
    queryKey: inventoryKeys.device(id ?? ''),
    queryFn: () => request(api.GET('/api/devices/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}
