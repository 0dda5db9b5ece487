import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { currentUserKey } from '@web/entities/current-user';

export const securitySettingsKey = ['settings', 'security'] as const;

/** GET /api/settings/security: the roles that must use two-step sign-in (owner only). */
export function useSecuritySettings(enabled: boolean) {
  return useQuery({ enabled, queryKey: securitySettingsKey, queryFn: () => request(api.GET('/api/settings/security')) });
}

/** PUT /api/settings/security. The owner's own "must enrol" flag may change with it, so "me" is refreshed. */
export function useSaveSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['SecuritySettingsDto']) => request(api.PUT('/api/settings/security', { body })),
    onSuccess: (saved) => {
      client.setQueryData(securitySettingsKey, saved);
      return client.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
