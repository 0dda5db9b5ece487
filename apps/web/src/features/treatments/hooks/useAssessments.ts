import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import type { RecordAssessmentBody } from '@web/features/treatments/treatmentTypes';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/patients/:id/assessments: oldest first, each with its change from the course baseline. */
export function useAssessments(patientId: string) {
  return useQuery({
    queryKey: treatmentKeys.assessments(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/assessments', { params: { path: { id: patientId } } })),
  });
}

/** POST /api/patients/:id/assessments. */
export function useRecordAssessment(patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAssessmentBody) => request(api.POST('/api/patients/{id}/assessments', { params: { path: { id: patientId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: treatmentKeys.assessments(patientId) }),
  });
}
