import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { currentUserKey } from '@web/entities/current-user';

/** Step 1 (password again) gives the secret; step 2 (first code) turns MFA on and gives the recovery codes. */
export function useMfaEnrolment() {
  const client = useQueryClient();
  const enroll = useMutation({
    mutationFn: (body: Schemas['EnrollTotpDto']) => request(api.POST('/api/auth/mfa/totp/enroll', { body })),
  });
  const activate = useMutation({
    mutationFn: (body: Schemas['ActivateTotpDto']) => request(api.POST('/api/auth/mfa/totp/activate', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: currentUserKey }),
  });
  return { enroll, activate };
}
