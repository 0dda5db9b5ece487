import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** The tags in use on current patients, most used first, for the list's filter. */
export function usePatientTags() {
  return useQuery({
    queryKey: patientKeys.tags,
    queryFn: () => request(api.GET('/api/patients/tags')),
    staleTime: 60_000,
  });
}
