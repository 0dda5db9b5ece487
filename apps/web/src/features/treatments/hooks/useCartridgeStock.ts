import { useQuery } from '@tanstack/react-query';
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

/** GET /api/lots?locationId=: every lot with on-hand and status at the location, earliest expiry first. */
export function useLocationLots(locationId: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.lots({ productId: '', status: '', locationId: locationId ?? '' }),
    queryFn: () => request(api.GET('/api/lots', { params: { query: { locationId: locationId ?? '' } } })),
    enabled: !!locationId,
  });
}
