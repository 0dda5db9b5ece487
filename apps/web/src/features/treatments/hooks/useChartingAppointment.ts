import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { treatmentKeys } from './treatmentKeys';

/** GET /api/appointments/:id: the booked service, practitioner, time and status the charting screen shows from its first paint. */
export function useChartingAppointment(appointmentId: string | undefined) {
  return useQuery({
    enabled: !!appointmentId,
    queryKey: treatmentKeys.appointment(appointmentId ?? ''),
    queryFn: () => request(api.GET('/api/appointments/{id}', { params: { path: { id: appointmentId ?? '' } } })),
  });
}
