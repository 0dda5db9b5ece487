import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

export const ACCESS_LOG_PAGE_SIZE = 25;

/** GET /api/patients/:id/access-log: who viewed or changed the record, newest first, one keyset page (reading it is audited too). */
export function usePatientAccessLog(patientId: string, after: string | undefined) {
  return useQuery({
    queryKey: patientKeys.accessLog(patientId, after ?? ''),
    queryFn: () =>
      request(
        api.GET('/api/patients/{id}/access-log', {
          params: { path: { id: patientId }, query: { pageSize: ACCESS_LOG_PAGE_SIZE, ...(after ? { after } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
