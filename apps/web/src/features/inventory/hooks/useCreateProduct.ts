import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** POST /api/products (409 when the GTIN is already on record). */
export function useCreateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateProductDto']) => request(api.POST('/api/products', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: inventoryKeys.products }),
  });
}
