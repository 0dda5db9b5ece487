import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { currentUserKey } from '@web/entities/current-user';

type LoginAnswer = Schemas['CurrentUserDto'] | Schemas['MfaRequiredDto'];

/** A right password with MFA on answers 202 { mfaRequired: true }: no user yet, the code step follows. */
export function isMfaRequired(answer: LoginAnswer): answer is Schemas['MfaRequiredDto'] {
  return 'mfaRequired' in answer && answer.mfaRequired === true;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['LoginDto']): Promise<LoginAnswer> => request(api.POST('/api/auth/login', { body })),
    onSuccess: (answer) => {
      if (!isMfaRequired(answer)) client.setQueryData(currentUserKey, answer);
    },
  });
}

/** The second step: the authenticator app's code, or a recovery code. */
export function useLoginMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['MfaLoginDto']) => request(api.POST('/api/auth/login/mfa', { body })),
    onSuccess: (user) => {
      client.setQueryData(currentUserKey, user);
    },
  });
}
