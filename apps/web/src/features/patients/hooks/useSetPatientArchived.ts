import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

type SetArchivedInput = { id: string; archived: true; reason: string } | { id: string; archived: false };

/** POST /api/patients/:id/archive (with an optional reason) or /restore. */
export function useSetPatientArchived() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetArchivedInput) => {
      const path = { params: { path: { id: input.id } } };
      if (!input.archived) return request(api.POST('/api/patients/{id}/restore', path));
      const reason = input.reason.trim();
      const body: Schemas['ArchivePatientDto'] = reason ? { reason } : {};
      return request(api.POST('/api/patients/{id}/archive', { ...path, body }));
    },
    onSuccess: (patient) => {
      client.setQueryData(patientKeys.detail(patient.id), patient);
      void client.invalidateQueries({ queryKey: patientKeys.clinical(patient.id) });
      void client.invalidateQueries({ queryKey: patientKeys.tags });
      return client.invalidateQueries({ queryKey: [...patientKeys.all, 'list'] });
    },
  });
}
