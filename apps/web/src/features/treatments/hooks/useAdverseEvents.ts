import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patientKeys } from '@web/entities/patient';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { RecordAdverseEventBody } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/patients/:id/adverse-events (the session view filters to its own). */
export function usePatientAdverseEvents(patientId: string) {
  return useQuery({
    queryKey: treatmentKeys.patientAdverseEvents(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/adverse-events', { params: { path: { id: patientId } } })),
  });
}

/** POST /api/treatment-sessions/:id/adverse-events. */
export function useRecordAdverseEvent(sessionId: string, patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAdverseEventBody) =>
      request(api.POST('/api/treatment-sessions/{id}/adverse-events', { params: { path: { id: sessionId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: patientKeys.clinical(patientId) }),
  });
}
