import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** POST /api/patients. A likely duplicate answers 409 with candidates unless `confirmDuplicate` is set. */
export function useCreatePatient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreatePatientDto']) => request(api.POST('/api/patients', { body })),
    onSuccess: (patient) => {
      client.setQueryData(patientKeys.detail(patient.id), patient);
      void client.invalidateQueries({ queryKey: patientKeys.tags });
      return client.invalidateQueries({ queryKey: [...patientKeys.all, 'list'] });
    },
  });
}
