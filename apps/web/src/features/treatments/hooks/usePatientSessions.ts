import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/patients/:id/treatment-sessions, newest first. */
export function usePatientSessions(patientId: string) {
  return useQuery({
    queryKey: treatmentKeys.patientSessions(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/treatment-sessions', { params: { path: { id: patientId } } })),
  });
}
