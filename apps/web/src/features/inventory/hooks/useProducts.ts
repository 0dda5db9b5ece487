import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/products: everything the clinic stocks. */
export function useProducts() {
  return useQuery({ queryKey: inventoryKeys.products, queryFn: () => request(api.GET('/api/products')), staleTime: 60_000 });
}
