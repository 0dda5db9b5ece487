/** Everything the book reads is cached under ['schedule', …]: a booking or a set-up change refreshes it all. */
export const scheduleKeys = {
  all: ['schedule'] as const,
  appointments: (locationId: string, from: string, to: string) => ['schedule', 'appointments', locationId, from, to] as const,
  view: (locationId: string, from: string, to: string) => ['schedule', 'view', locationId, from, to] as const,
  checkIn: (id: string) => ['schedule', 'check-in', id] as const,
  appointment: (id: string) => ['schedule', 'appointment', id] as const,
  services: ['schedule', 'services'] as const,
  rooms: (locationId: string | undefined) => ['schedule', 'rooms', locationId] as const,
  practitioners: ['schedule', 'practitioners'] as const,
  workingHours: (staffId: string | null) => ['schedule', 'hours', staffId] as const,
  patientMatches: (search: string) => ['schedule', 'patient-search', search] as const,
  availability: (serviceId: string | null, locationId: string, practitionerId: string | undefined, from: string | undefined) =>
    ['schedule', 'availability', serviceId, locationId, practitionerId, from] as const,
  outbox: (status: string, after: string) => ['schedule', 'outbox', status, after] as const,
  reminderSettings: ['schedule', 'reminder-settings'] as const,
};
