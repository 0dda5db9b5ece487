import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** GET /api/patients/:id/timeline: everything recorded about the patient, oldest first. */
export function usePatientTimeline(patientId: string) {
  return useQuery({
    queryKey: patientKeys.timeline(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/timeline', { params: { path: { id: patientId } } })),
  });
}
