import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patientKeys } from '@web/entities/patient';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

/** POST /api/patients from the booking dialog: a likely duplicate answers 409 with candidates unless `confirmDuplicate` is set. */
export function useCreatePatientForBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreatePatientDto']) => request(api.POST('/api/patients', { body })),
    onSuccess: (patient) => {
      client.setQueryData(patientKeys.detail(patient.id), patient);
      void client.invalidateQueries({ queryKey: [...patientKeys.all, 'list'] });
      return client.invalidateQueries({ queryKey: [...scheduleKeys.all, 'patient-search'] });
    },
  });
}
