import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/treatment-sessions/:id: the record with zones, cartridges, anaesthetic and addenda. */
export function useTreatmentSession(id: string) {
  return useQuery({
    queryKey: treatmentKeys.session(id),
    queryFn: () => request(api.GET('/api/treatment-sessions/{id}', { params: { path: { id } } })),
  });
}
