import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** GET /api/patients/:id/medical-history: the current version and the list of all versions (newest first). */
export function useMedicalHistory(patientId: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.medicalHistory(patientId),
    queryFn: () => request(api.GET('/api/patients/{id}/medical-history', { params: { path: { id: patientId } } })),
    enabled,
  });
}
