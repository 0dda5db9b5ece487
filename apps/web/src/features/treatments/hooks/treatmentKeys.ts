import { patientKeys } from '@web/entities/patient';

/** Query keys of the treatment record. Everything under a patient's clinical key refreshes with their record. */
export const treatmentKeys = {
  all: ['treatments'] as const,
  settings: ['treatments', 'settings'] as const,
  templates: ['treatments', 'templates'] as const,
  appointment: (id: string) => ['treatments', 'appointment', id] as const,
  preflight: (body: unknown) => ['treatments', 'preflight', body] as const,
  session: (id: string) => ['treatments', 'session', id] as const,
  sessionPhotos: (id: string) => ['treatments', 'session', id, 'photos'] as const,
  patientSessions: (patientId: string) => [...patientKeys.clinical(patientId), 'treatment-sessions'] as const,
  patientAdverseEvents: (patientId: string) => [...patientKeys.clinical(patientId), 'adverse-events'] as const,
  patientPhotos: (patientId: string) => [...patientKeys.clinical(patientId), 'photos'] as const,
  assessments: (patientId: string) => [...patientKeys.clinical(patientId), 'assessments'] as const,
  comparison: (sessionA: string, sessionB: string, angle: string) => ['treatments', 'compare', sessionA, sessionB, angle] as const,
  lotSuggestion: (productId: string, locationId: string) => ['inventory', 'lots', 'suggest', productId, locationId] as const,
};
