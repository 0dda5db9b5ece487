import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { inventoryKeys } from '@web/features/inventory';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/lots/suggest: the earliest-expiring usable lot of a product in stock at the location (FEFO). */
export function useLotSuggestion(productId: string | null, locationId: string | undefined) {
  return useQuery({
    queryKey: treatmentKeys.lotSuggestion(productId ?? '', locationId ?? ''),
    queryFn: () => request(api.GET('/api/lots/suggest', { params: { query: { productId: productId ?? '', locationId: locationId ?? '' } } })),
    enabled: !!productId && !!locationId,
  });
}

/** The most lots one request answers (the API's page size limit); a location with more is read page after page. */
const USABLE_LOTS_PAGE_SIZE = 200;

/**
 * GET /api/lots?locationId=&status=available&kind=needle_cartridge: every cartridge lot a nurse may use at the
 * location now (not expired there, not recalled or quarantined, in stock), earliest expiry first. Reads page after
 * page until the last, so the picker never offers only part of what is on the shelf; `isPending` until all are in.
 */
export function useUsableCartridgeLots(locationId: string | undefined) {
  const query = useInfiniteQuery({
    queryKey: inventoryKeys.usableCartridgeLots(locationId ?? ''),
    queryFn: ({ pageParam }) =>
      request(
        api.GET('/api/lots', {
          params: {
            query: {
              locationId: locationId ?? '',
              status: 'available',
              kind: 'needle_cartridge',
              pageSize: USABLE_LOTS_PAGE_SIZE,
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: !!locationId,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const lots = useMemo(() => query.data?.pages.flatMap((page) => page.items), [query.data]);
  return { lots: hasNextPage ? undefined : lots, isPending: query.isPending || hasNextPage, isError };
}
