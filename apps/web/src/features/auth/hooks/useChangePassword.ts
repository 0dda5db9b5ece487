import { useMutation } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { requestNoContent } from '@web/lib/api/request';

/** Changes the signed-in person's own password; the API ends their other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      requestNoContent(api.POST('/api/auth/password', { body })),
  });
}
