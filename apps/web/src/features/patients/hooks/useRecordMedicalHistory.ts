import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** PUT /api/patients/:id/medical-history: records a new version; earlier versions are kept unchanged. */
export function useRecordMedicalHistory(patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Schemas['MedicalHistoryAnswersDto']) =>
      request(api.PUT('/api/patients/{id}/medical-history', { params: { path: { id: patientId } }, body: answers })),
    onSuccess: () => client.invalidateQueries({ queryKey: patientKeys.clinical(patientId) }),
  });
}
