import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/settings/treatment: the organization's zone maximums (default or lowered) and after-care text. */
export function useTreatmentSettings(enabled = true) {
  return useQuery({
    enabled,
    queryKey: treatmentKeys.settings,
    queryFn: () => request(api.GET('/api/settings/treatment')),
    staleTime: 5 * 60_000,
  });
}
