import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

interface UpdatePatientInput {
  id: string;
  changes: Schemas['UpdatePatientDto'];
}

/** PATCH /api/patients/:id. Identity changes are checked for duplicates like a registration (409). */
export function useUpdatePatient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: UpdatePatientInput) =>
      request(api.PATCH('/api/patients/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: (patient) => {
      client.setQueryData(patientKeys.detail(patient.id), patient);
      // Phototype and allergies feed the eligibility screening.
      void client.invalidateQueries({ queryKey: patientKeys.clinical(patient.id) });
      void client.invalidateQueries({ queryKey: patientKeys.tags });
      return client.invalidateQueries({ queryKey: [...patientKeys.all, 'list'] });
    },
  });
}
