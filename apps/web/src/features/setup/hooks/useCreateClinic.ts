import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { isApiError } from '@web/lib/api/ApiError';
import { request } from '@web/lib/api/request';
import { createdOwnerEmailKey, setupStatusKey } from './useSetupStatus';

/**
 * POST /api/setup. On success setup is no longer needed, and SetupGate sends the user to sign-in with the
 * owner's email prefilled (one place navigates, so there is no race). On 409 someone else finished first.
 */
export function useCreateClinic() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['SetupDto']) => request(api.POST('/api/setup', { body })),
    onSuccess: (_result, body) => {
      client.setQueryData(createdOwnerEmailKey, body.adminEmail);
      client.setQueryData(setupStatusKey, { needsSetup: false });
    },
    onError: (error) => {
      if (isApiError(error, 409)) void client.invalidateQueries({ queryKey: setupStatusKey });
    },
  });
}
