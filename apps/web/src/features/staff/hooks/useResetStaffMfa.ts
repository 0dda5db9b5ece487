import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { staffKeys } from './staffKeys';

/** POST /api/staff/:id/mfa/reset: removes their authenticator and recovery codes and ends their sessions (audited). */
export function useResetStaffMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.POST('/api/staff/{id}/mfa/reset', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all }),
  });
}
