import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys, type LotListParams } from './inventoryKeys';

export const LOTS_PAGE_SIZE = 50;

/**
 * GET /api/lots: one keyset page (`after`: the previous page's nextCursor), earliest expiry first, with a capped total;
 * with a location, on-hand and status are at that location.
 */
export function useLots(params: LotListParams, after: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.lotPage(params, after ?? ''),
    queryFn: () =>
      request(
        api.GET('/api/lots', {
          params: {
            query: {
              pageSize: LOTS_PAGE_SIZE,
              ...(after ? { after } : {}),
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
