import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { currentUserKey } from '@web/entities/current-user';
import { staffKeys } from './staffKeys';

interface UpdateStaffMemberInput {
  id: string;
  changes: Schemas['UpdateStaffMemberDto'];
}

/** PATCH /api/staff/:id. Refreshes the current user too, in case people edit themselves. */
export function useUpdateStaffMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: UpdateStaffMemberInput) =>
      request(api.PATCH('/api/staff/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: staffKeys.all });
      await client.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
