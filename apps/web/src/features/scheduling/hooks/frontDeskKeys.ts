/**
 * The front desk's reads (appointment lifecycle, a patient's appointments, the waitlist), under ['schedule', …] so
 * that every booking, move or status change, which refreshes scheduleKeys.all, refreshes them too.
 */
export const frontDeskKeys = {
  appointment: (id: string) => ['schedule', 'appointment', id] as const,
  patientAppointments: (patientId: string, scope: string, page: number) => ['schedule', 'patient-appointments', patientId, scope, page] as const,
  cancellationSettings: ['schedule', 'cancellation-settings'] as const,
  waitlist: (filter: { locationId?: string; patientId?: string; openOnly: boolean; page: number }) => ['schedule', 'waitlist', filter] as const,
  freedSlots: (filter: { locationId?: string; from?: string; to?: string; appointmentId?: string }) => ['schedule', 'freed-slots', filter] as const,
  rescheduleStarts: (appointmentId: string, practitionerId: string | undefined, day: string) => ['schedule', 'reschedule-starts', appointmentId, practitionerId, day] as const,
};
