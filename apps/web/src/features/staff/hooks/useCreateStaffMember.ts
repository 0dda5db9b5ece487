import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { staffKeys } from './staffKeys';

export function useCreateStaffMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateStaffMemberDto']) => request(api.POST('/api/staff', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all }),
  });
}
