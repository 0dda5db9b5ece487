import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { usePermission } from '@web/entities/current-user';
import { consentKeys } from './consentKeys';

/**
 * GET /api/patients/:id/next-appointment-consents: the consents the patient's next appointment needs and lacks.
 * Keyed under the patient's consents, so signing or revoking one refreshes it. Only for roles that read the schedule.
 */
export function useNextAppointmentConsents(patientId: string) {
  const canReadSchedule = usePermission('schedule.read');
  return useQuery({
    queryKey: [...consentKeys.patient(patientId), 'next-appointment'],
    queryFn: () => request(api.GET('/api/patients/{id}/next-appointment-consents', { params: { path: { id: patientId } } })),
    enabled: canReadSchedule,
  });
}
