import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

export type ReceiveInput = { by: 'scan'; body: Schemas['ReceiveScanDto'] } | { by: 'form'; body: Schemas['ReceiveLotDto'] };

/**
 * POST /api/lots/receive-scan (the code as scanned; an unknown GTIN answers 404 with the scanned fields) or
 * POST /api/lots (by form). Either adds to a lot on record or creates it.
 */
export function useReceiveStock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReceiveInput) =>
      input.by === 'scan'
        ? request(api.POST('/api/lots/receive-scan', { body: input.body }))
        : request(api.POST('/api/lots', { body: input.body })),
    onSuccess: () => client.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
