import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** PUT /api/settings/treatment: replaces the organization's lowered zone maximums, after-care text and interval. */
export function useSaveTreatmentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['TreatmentSettingsInputDto']) => request(api.PUT('/api/settings/treatment', { body })),
    onSuccess: (settings) => queryClient.setQueryData(treatmentKeys.settings, settings),
  });
}
