import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { inventoryKeys } from './inventoryKeys';

/** POST /api/recalls: a manufacturer's notice; lots on record are recalled at once, the rest reported not found. */
export function useRecordRecallNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['RecallNoticeDto']) => request(api.POST('/api/recalls', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
