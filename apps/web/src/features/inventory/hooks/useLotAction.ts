import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

export type LotActionInput =
  | { action: 'movement'; body: Schemas['RecordMovementDto'] }
  | { action: 'quarantine'; body: Schemas['HoldReasonDto'] }
  | { action: 'release'; body: Schemas['ReleaseLotDto'] }
  | { action: 'recall'; body: Schemas['RecallLotDto'] };

/**
 * Everything done to one lot: a stock movement (409 insufficient stock, 422 when the lot may not be moved),
 * quarantine, release or recall. Refreshes the lot and every inventory view.
 */
export function useLotAction(lotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LotActionInput): Promise<void> => {
      const path = { params: { path: { id: lotId } } };
      switch (input.action) {
        case 'movement':
          await request(api.POST('/api/lots/{id}/movements', { ...path, body: input.body }));
          return;
        case 'quarantine':
          await request(api.POST('/api/lots/{id}/quarantine', { ...path, body: input.body }));
          return;
        case 'release':
          await request(api.POST('/api/lots/{id}/release', { ...path, body: input.body }));
          return;
        case 'recall':
          await request(api.POST('/api/lots/{id}/recall', { ...path, body: input.body }));
          return;
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
