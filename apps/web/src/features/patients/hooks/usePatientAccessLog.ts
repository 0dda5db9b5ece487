import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

export const ACCESS_LOG_PAGE_SIZE = 25;

/** GET /api/patients/:id/access-log: who viewed or changed the record, newest first (reading it is audited too). */
export function usePatientAccessLog(patientId: string, page: number) {
  return useQuery({
    queryKey: patientKeys.accessLog(patientId, page),
    queryFn: () =>
      request(api.GET('/api/patients/{id}/access-log', { params: { path: { id: patientId }, query: { page, pageSize: ACCESS_LOG_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
