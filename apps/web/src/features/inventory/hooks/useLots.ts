import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys, type LotListParams } from './inventoryKeys';

/** GET /api/lots, earliest expiry first; with a location, on-hand and status are at that location. */
export function useLots(params: LotListParams) {
  return useQuery({
    queryKey: inventoryKeys.lots(params),
    queryFn: () =>
      request(
        api.GET('/api/lots', {
          params: {
            query: {
              ...(params.productId ? { productId: params.productId } : {}),
              ...(params.status ? { status: params.status } : {}),
              ...(params.locationId ? { locationId: params.locationId } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
