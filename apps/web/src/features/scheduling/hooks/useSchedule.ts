import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

export type Appointment = Schemas['AppointmentDto'];

/** GET /api/appointments for a location and window. */
export function useAppointments(locationId: string | undefined, from: Date, to: Date) {
  return useQuery({
    queryKey: scheduleKeys.appointments(locationId ?? '', from.toISOString(), to.toISOString()),
    enabled: Boolean(locationId),
    queryFn: () => request(api.GET('/api/appointments', { params: { query: { locationId, from: from.toISOString(), to: to.toISOString() } } })),
  });
}

/** GET /api/appointments/:id: one appointment (e.g. the one a link opens the drawer on); nothing while id is null. */
export function useAppointment(id: string | null) {
  return useQuery({
    queryKey: scheduleKeys.appointment(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => request(api.GET('/api/appointments/{id}', { params: { path: { id: id as string } } })),
  });
}

/**
 * GET /api/appointments/:id/check-in: what is missing before treatment. Always read afresh when the drawer opens:
 * consents are signed and histories recorded elsewhere (the kiosk, another tablet) in the meantime.
 */
export function useCheckIn(id: string | undefined) {
  return useQuery({
    queryKey: scheduleKeys.checkIn(id ?? ''),
    enabled: Boolean(id),
    staleTime: 0,
    refetchOnMount: 'always',
    queryFn: () => request(api.GET('/api/appointments/{id}/check-in', { params: { path: { id: id as string } } })),
  });
}

/** Booking, moving and status changes; every success refreshes the calendar. */
export function useAppointmentMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: scheduleKeys.all });
  return {
    book: useMutation({ mutationFn: (body: Schemas['CreateAppointmentDto']) => request(api.POST('/api/appointments', { body })), onSuccess: refresh }),
    move: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateAppointmentDto'] }) => request(api.PATCH('/api/appointments/{id}', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
    checkIn: useMutation({ mutationFn: (id: string) => request(api.POST('/api/appointments/{id}/check-in', { params: { path: { id } } })), onSuccess: refresh }),
    cancel: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) => request(api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body: { reason } })),
      onSuccess: refresh,
    }),
  };
}
