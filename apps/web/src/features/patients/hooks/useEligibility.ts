import type { ProcedureKind } from '@skinledger/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { patientKeys } from '@web/entities/patient';

/** GET /api/patients/:id/eligibility for a procedure kind and treatment date (the clinic's calendar date). */
export function useEligibility(patientId: string, procedure: ProcedureKind, on: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.eligibility(patientId, procedure, on),
    queryFn: () =>
      request(api.GET('/api/patients/{id}/eligibility', { params: { path: { id: patientId }, query: { procedure, on } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
