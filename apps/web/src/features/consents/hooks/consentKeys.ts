export const consentKeys = {
  all: ['consents'] as const,
  templates: ['consents', 'templates'] as const,
  template: (id: string) => ['consents', 'templates', id] as const,
  patient: (patientId: string) => ['consents', 'patient', patientId] as const,
  detail: (id: string) => ['consents', 'detail', id] as const,
  practitioners: ['consents', 'practitioners'] as const,
};
