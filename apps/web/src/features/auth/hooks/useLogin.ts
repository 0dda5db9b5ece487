import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/apiClient';
import { request } from '../../../lib/api/request';
import { currentUserKey } from '../currentUser';

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['LoginDto']) => request(api.POST('/api/auth/login', { body })),
    onSuccess: (user) => {
      client.setQueryData(currentUserKey, user);
    },
  });
}
