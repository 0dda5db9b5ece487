import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** POST /api/patients/:id/verify-identity: a staff member checked a self-registered patient's identity (audited). */
export function useVerifyIdentity(onVerified?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(api.POST('/api/patients/{id}/verify-identity', { params: { path: { id } } })),
    onSuccess: (patient) => {
      client.setQueryData(patientKeys.detail(patient.id), patient);
      onVerified?.();
    },
  });
}
