import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { requestNoContent } from '@web/lib/api/request';
import { endSession } from '@web/features/auth/endSession';

/** Signs out; whatever the API answers, the dashboard forgets the session and its cached data. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestNoContent(api.POST('/api/auth/logout')),
    meta: { handlesSessionEnd: true },
    onSettled: () => endSession(client, 'signed-out'),
  });
}
