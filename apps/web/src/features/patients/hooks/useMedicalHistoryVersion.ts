import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** One recorded version of the questionnaire, e.g. to compare with the current one. Versions never change. */
export function useMedicalHistoryVersion(patientId: string, version: number | null) {
  return useQuery({
    queryKey: patientKeys.historyVersion(patientId, version ?? 0),
    queryFn: () =>
      request(
        api.GET('/api/patients/{id}/medical-history/versions/{version}', {
          params: { path: { id: patientId, version: version ?? 0 } },
        }),
      ),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
