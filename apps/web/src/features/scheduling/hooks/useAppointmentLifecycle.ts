import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { frontDeskKeys } from './frontDeskKeys';
import { scheduleKeys } from './scheduleKeys';
import type { Appointment } from './useSchedule';

export type CancelledBy = NonNullable<Schemas['CancelAppointmentDto']['cancelledBy']>;

/** GET /api/appointments/{id}: the appointment as it is now (the drawer starts from the calendar's copy). */
export function useAppointment(appointment: Appointment | null) {
  return useQuery({
    queryKey: frontDeskKeys.appointment(appointment?.id ?? ''),
    enabled: Boolean(appointment),
    initialData: appointment ?? undefined,
    queryFn: () => request(api.GET('/api/appointments/{id}', { params: { path: { id: appointment?.id as string } } })),
  });
}

/** Confirm, cancel (with a reason and who asked), no-show and reschedule; each refreshes the book, lists and waitlist. */
export function useAppointmentLifecycle() {
  const client = useQueryClient();
  // Not awaited: the caller's own onSuccess (closing the dialog, saying what happened) runs at once, before the
  // refreshed appointment (now cancelled, say) changes which actions, and so which dialogs, are shown.
  const refresh = () => void client.invalidateQueries({ queryKey: scheduleKeys.all });
  return {
    confirm: useMutation({ mutationFn: (id: string) => request(api.POST('/api/appointments/{id}/confirm', { params: { path: { id } } })), onSuccess: refresh }),
    cancel: useMutation({
      mutationFn: ({ id, reason, cancelledBy }: { id: string; reason: string; cancelledBy: CancelledBy }) =>
        request(api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body: { reason, cancelledBy } })),
      onSuccess: refresh,
    }),
    noShow: useMutation({ mutationFn: (id: string) => request(api.POST('/api/appointments/{id}/no-show', { params: { path: { id } } })), onSuccess: refresh }),
    reschedule: useMutation({
      mutationFn: ({ id, startsAt, practitionerId, roomId }: { id: string; startsAt: string; practitionerId: string; roomId: string }) =>
        request(api.PATCH('/api/appointments/{id}', { params: { path: { id } }, body: { startsAt, practitionerId, roomId } })),
      onSuccess: refresh,
    }),
  };
}

/** GET /api/settings/cancellations: the clinic's late-cancellation window, so the cancel dialog can say "late" beforehand. */
export function useCancellationSettings() {
  return useQuery({ queryKey: frontDeskKeys.cancellationSettings, queryFn: () => request(api.GET('/api/settings/cancellations')) });
}

/** PUT /api/settings/cancellations (owner/admin). */
export function useSaveCancellationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lateCancellationHours: number) => request(api.PUT('/api/settings/cancellations', { body: { lateCancellationHours } })),
    onSuccess: (saved) => client.setQueryData(frontDeskKeys.cancellationSettings, saved),
  });
}

interface RescheduleStartsQuery {
  appointment: Appointment;
  /** Undefined: every practitioner who could take it. */
  practitionerId: string | undefined;
  /** The location's calendar day to search, as ISO instants (start and end). */
  day: { from: string; to: string; key: string } | undefined;
}

/** GET /api/availability for the appointment's service at its location that day, its own time counted as free. */
export function useRescheduleStarts({ appointment, practitionerId, day }: RescheduleStartsQuery) {
  return useQuery({
    queryKey: frontDeskKeys.rescheduleStarts(appointment.id, practitionerId, day?.key ?? ''),
    enabled: Boolean(day),
    queryFn: () =>
      request(
        api.GET('/api/availability', {
          params: {
            query: {
              serviceId: appointment.serviceId,
              locationId: appointment.locationId,
              from: day?.from as string,
              to: day?.to as string,
              practitionerId,
              excludeAppointmentId: appointment.id,
            },
          },
        }),
      ),
  });
}

export type AppointmentScope = 'upcoming' | 'past';

/** GET /api/patients/{id}/appointments: one page, upcoming or past (a read of the patient's record, audited). */
export function usePatientAppointments(patientId: string, scope: AppointmentScope, page: number, pageSize = 10) {
  return useQuery({
    queryKey: frontDeskKeys.patientAppointments(patientId, scope, page),
    queryFn: () => request(api.GET('/api/patients/{id}/appointments', { params: { path: { id: patientId }, query: { scope, page, pageSize } } })),
    // Keep the rows while the next page loads, never another scope's rows under this scope's heading.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === scope && previousQuery.queryKey[2] === patientId ? previous : undefined),
  });
}
