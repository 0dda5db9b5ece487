import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

export type PossibleDuplicate = Schemas['PossibleDuplicateDto'];
export type PossibleDuplicateSide = Schemas['PossibleDuplicateSideDto'];

const possibleDuplicatesKey = [...patientKeys.all, 'possible-duplicates'] as const;

/** GET /api/patients/possible-duplicates: pairs found when an online booking created a record (audited read). */
export function usePossibleDuplicates() {
  return useQuery({
    queryKey: possibleDuplicatesKey,
    queryFn: () => request(api.GET('/api/patients/possible-duplicates')),
  });
}

/** Dismiss ("not the same person") or merge the online record into the existing one; both refresh patient lists. */
export function useResolvePossibleDuplicate() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: patientKeys.all });
  return {
    dismiss: useMutation({
      mutationFn: (id: string) => request(api.POST('/api/patients/possible-duplicates/{id}/dismiss', { params: { path: { id } } })),
      onSuccess: refresh,
    }),
    merge: useMutation({
      mutationFn: (id: string) => request(api.POST('/api/patients/possible-duplicates/{id}/merge', { params: { path: { id } } })),
      onSuccess: refresh,
    }),
  };
}
