import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

/** The shortest search the patient pickers send. */
export const MIN_PATIENT_SEARCH = 2;

/** GET /api/patients: the first ten patients matching a name or MRN, once the search has two letters. */
export function usePatientMatches(search: string) {
  return useQuery({
    queryKey: scheduleKeys.patientMatches(search),
    enabled: search.length >= MIN_PATIENT_SEARCH,
    queryFn: () => request(api.GET('/api/patients', { params: { query: { q: search, pageSize: 10 } } })),
  });
}
