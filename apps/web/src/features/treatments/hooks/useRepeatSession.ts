import { useMutation } from '@tanstack/react-query';
import type { TreatmentIndication } from '@skinledger/domain';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';

/**
 * GET /api/patients/:id/repeat-session: the patient's previous signed session of the indication as a chart to start
 * from (an audited clinical read, so only when the practitioner asks for it: a mutation, not a query on page load).
 */
export function useRepeatSession(patientId: string, locationId: string | undefined) {
  return useMutation({
    mutationFn: (indication: TreatmentIndication) =>
      request(
        api.GET('/api/patients/{id}/repeat-session', {
          params: { path: { id: patientId }, query: { indication, locationId: locationId ?? '' } },
        }),
      ),
  });
}
