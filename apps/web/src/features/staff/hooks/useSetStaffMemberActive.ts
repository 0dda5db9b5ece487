import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { staffKeys } from './staffKeys';

interface SetActiveInput {
  id: string;
  active: boolean;
}

/** POST /api/staff/:id/deactivate (ends their sessions at once) or /reactivate. */
export function useSetStaffMemberActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: SetActiveInput) => {
      const options = { params: { path: { id } } };
      return request(
        active ? api.POST('/api/staff/{id}/reactivate', options) : api.POST('/api/staff/{id}/deactivate', options),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all }),
  });
}
