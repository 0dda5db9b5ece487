import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/inventory/on-hand: one row per product and location. '' = all locations. */
export function useOnHand(locationId: string) {
  return useQuery({
    queryKey: inventoryKeys.onHand(locationId),
    queryFn: () => request(api.GET('/api/inventory/on-hand', { params: { query: locationId ? { locationId } : {} } })),
    placeholderData: keepPreviousData,
  });
}
