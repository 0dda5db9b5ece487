import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient/patientKeys';

/** GET /api/patients/:id (each read is audited by the API). */
export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKeys.detail(id),
    queryFn: () => request(api.GET('/api/patients/{id}', { params: { path: { id } } })),
  });
}
