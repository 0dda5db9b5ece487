import type { World } from './statement-budget-world';

/**
 * Every GET route of the API, as its OpenAPI path, with the URL that reads the budget world's data. A route may
 * have several variants (a search next to the plain list, a CSV next to the JSON). `anonymous` routes are called
 * without a session (public answers count too).
 */
export interface RouteCase {
  route: string;
  variant?: string;
  url: (w: World) => string;
  anonymous?: boolean;
}

export const caseName = (c: RouteCase) => `GET ${c.route}${c.variant ? ` ${c.variant}` : ''}`;

const first = (ids: string[]) => ids[0];
const last = (ids: string[]) => ids[ids.length - 1];
const patient = (w: World) => w.c.patient.id;
const week = () => {
  // One clock reading: two could straddle a millisecond and make the range 14 days and 1 ms (a 400 naming `to`).
  const now = Date.now();
  const from = new Date(now - 86_400_000).toISOString();
  const to = new Date(now + 13 * 86_400_000).toISOString();
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
};

export const ROUTE_CASES: RouteCase[] = [
  // Health and first-run setup: public.
  { route: '/api/health', url: () => '/api/health', anonymous: true },
  { route: '/api/health/ready', url: () => '/api/health/ready', anonymous: true },
  { route: '/api/setup', url: () => '/api/setup', anonymous: true },
  // Signed-in member, organization, staff, settings.
  { route: '/api/auth/me', url: () => '/api/auth/me' },
  { route: '/api/auth/mfa', url: () => '/api/auth/mfa' },
  { route: '/api/organization', url: () => '/api/organization' },
  { route: '/api/locations', url: () => '/api/locations' },
  { route: '/api/staff', url: () => '/api/staff?includeInactive=true' },
  { route: '/api/staff/{id}', url: (w) => `/api/staff/${w.c.nurse.id}` },
  { route: '/api/staff/{id}/working-hours', url: (w) => `/api/staff/${w.c.nurse.id}/working-hours` },
  { route: '/api/settings/screening', url: () => '/api/settings/screening' },
  { route: '/api/settings/security', url: () => '/api/settings/security' },
  { route: '/api/settings/treatment', url: () => '/api/settings/treatment' },
  { route: '/api/settings/reminders', url: () => '/api/settings/reminders' },
  { route: '/api/settings/cancellations', url: () => '/api/settings/cancellations' },
  { route: '/api/settings/online-booking', url: () => '/api/settings/online-booking' },
  // Audit.
  { route: '/api/audit-events', url: () => '/api/audit-events' },
  { route: '/api/audit-events/verify', url: () => '/api/audit-events/verify' },
  { route: '/api/patients/{id}/access-log', url: (w) => `/api/patients/${patient(w)}/access-log` },
  // Patients and their clinical record.
  { route: '/api/patients', url: () => '/api/patients' },
  { route: '/api/patients', variant: 'search', url: () => '/api/patients?q=Patient' },
  { route: '/api/patients', variant: 'by tag', url: () => '/api/patients?tag=vip' },
  { route: '/api/patients/tags', url: () => '/api/patients/tags' },
  { route: '/api/patients/possible-duplicates', url: () => '/api/patients/possible-duplicates' },
  { route: '/api/patients/{id}', url: (w) => `/api/patients/${patient(w)}` },
  { route: '/api/patients/{id}/export', url: (w) => `/api/patients/${patient(w)}/export` },
  { route: '/api/patients/{id}/medical-history', url: (w) => `/api/patients/${patient(w)}/medical-history` },
  { route: '/api/patients/{id}/medical-history/versions/{version}', url: (w) => `/api/patients/${patient(w)}/medical-history/versions/1` },
  { route: '/api/patients/{id}/eligibility', url: (w) => `/api/patients/${patient(w)}/eligibility?procedure=medical` },
  { route: '/api/patients/{id}/timeline', url: (w) => `/api/patients/${patient(w)}/timeline` },
  { route: '/api/patients/{id}/treatment-sessions', url: (w) => `/api/patients/${patient(w)}/treatment-sessions` },
  { route: '/api/patients/{id}/adverse-events', url: (w) => `/api/patients/${patient(w)}/adverse-events` },
  { route: '/api/patients/{id}/photos', url: (w) => `/api/patients/${patient(w)}/photos` },
  { route: '/api/patients/{id}/assessments', url: (w) => `/api/patients/${patient(w)}/assessments` },
  { route: '/api/patients/{id}/consents', url: (w) => `/api/patients/${patient(w)}/consents` },
  { route: '/api/patients/{id}/repeat-session', url: (w) => `/api/patients/${patient(w)}/repeat-session?indication=fine_lines&locationId=${w.c.location.id}` },
  { route: '/api/patients/{id}/appointments', url: (w) => `/api/patients/${patient(w)}/appointments` },
  { route: '/api/patients/{id}/next-appointment-consents', url: (w) => `/api/patients/${patient(w)}/next-appointment-consents` },
  // Inventory.
  { route: '/api/products', url: () => '/api/products' },
  { route: '/api/products/{id}', url: (w) => `/api/products/${w.c.product.id}` },
  { route: '/api/lots', url: () => '/api/lots' },
  { route: '/api/lots/suggest', url: (w) => `/api/lots/suggest?productId=${w.c.product.id}&locationId=${w.c.location.id}` },
  { route: '/api/lots/{id}', url: (w) => `/api/lots/${w.c.lot.id}` },
  { route: '/api/lots/{id}/exposure', url: (w) => `/api/lots/${w.c.lot.id}/exposure` },
  { route: '/api/lots/{id}/exposure', variant: 'CSV', url: (w) => `/api/lots/${w.c.lot.id}/exposure?format=csv` },
  { route: '/api/recalls', url: () => '/api/recalls' },
  { route: '/api/devices', url: () => '/api/devices' },
  { route: '/api/devices/{id}', url: (w) => `/api/devices/${w.c.device.id}` },
  { route: '/api/devices/{id}/exposure', url: (w) => `/api/devices/${w.c.device.id}/exposure` },
  { route: '/api/devices/{id}/exposure', variant: 'CSV', url: (w) => `/api/devices/${w.c.device.id}/exposure?format=csv` },
  // Reports: aggregates over the published views, one read each.
  { route: '/api/reports/outcomes-by-depth', url: () => '/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/outcomes-by-depth', variant: 'CSV', url: () => '/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&from=2026-01-01&to=2026-12-31&format=csv' },
  { route: '/api/reports/cartridges', url: () => '/api/reports/cartridges?groupBy=product&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/cartridges', variant: 'CSV', url: () => '/api/reports/cartridges?groupBy=practitioner&from=2026-01-01&to=2026-12-31&format=csv' },
  { route: '/api/reports/cartridges', variant: 'per month', url: () => '/api/reports/cartridges?groupBy=month&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/appointments', url: () => '/api/reports/appointments?groupBy=practitioner&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/appointments', variant: 'CSV', url: () => '/api/reports/appointments?groupBy=weekday&from=2026-01-01&to=2026-12-31&format=csv' },
  { route: '/api/reports/appointments', variant: 'per month', url: () => '/api/reports/appointments?groupBy=month&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/appointments', variant: 'per weekday and hour', url: () => '/api/reports/appointments?groupBy=weekdayHour&from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/safety', url: () => '/api/reports/safety?from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/safety', variant: 'CSV', url: () => '/api/reports/safety?from=2026-01-01&to=2026-12-31&format=csv' },
  { route: '/api/reports/consents', url: () => '/api/reports/consents?from=2026-01-01&to=2026-12-31' },
  { route: '/api/reports/consents', variant: 'CSV', url: () => '/api/reports/consents?from=2026-01-01&to=2026-12-31&format=csv' },
  { route: '/api/inventory/alerts', url: () => '/api/inventory/alerts?expiringWithinDays=90' },
  { route: '/api/inventory/on-hand', url: () => '/api/inventory/on-hand' },
  // Treatment record.
  { route: '/api/appointments/{id}/preflight', url: (w) => `/api/appointments/${first(w.appointmentIds)}/preflight` },
  { route: '/api/treatment-sessions/{id}', url: (w) => `/api/treatment-sessions/${first(w.sessionIds)}` },
  { route: '/api/treatment-sessions/{id}/pdf', url: (w) => `/api/treatment-sessions/${first(w.sessionIds)}/pdf` },
  { route: '/api/treatment-sessions/{id}/photos', url: (w) => `/api/treatment-sessions/${first(w.sessionIds)}/photos` },
  { route: '/api/photos/compare', url: (w) => `/api/photos/compare?sessionA=${first(w.sessionIds)}&sessionB=${last(w.sessionIds)}&angle=front` },
  { route: '/api/photos/{id}', url: (w) => first(w.photoUrls) },
  { route: '/api/treatment-templates', url: () => '/api/treatment-templates' },
  { route: '/api/treatment-templates/{id}', url: (w) => `/api/treatment-templates/${first(w.treatmentTemplateIds)}` },
  // Consents.
  { route: '/api/consent-templates', url: () => '/api/consent-templates' },
  { route: '/api/consent-templates/{id}', url: (w) => `/api/consent-templates/${w.consentTemplateId}` },
  { route: '/api/consents/{id}', url: (w) => `/api/consents/${first(w.consentIds)}` },
  { route: '/api/consents/{id}/verify', url: (w) => `/api/consents/${first(w.consentIds)}/verify` },
  { route: '/api/consents/{id}/pdf', url: (w) => `/api/consents/${first(w.consentIds)}/pdf` },
  // Messaging.
  { route: '/api/outbound-messages', url: () => '/api/outbound-messages' },
  // Scheduling.
  { route: '/api/services', url: () => '/api/services' },
  { route: '/api/rooms', url: () => '/api/rooms' },
  { route: '/api/appointments', url: () => `/api/appointments?${week()}` },
  { route: '/api/appointments/{id}', url: (w) => `/api/appointments/${first(w.appointmentIds)}` },
  { route: '/api/appointments/{id}/check-in', url: (w) => `/api/appointments/${first(w.appointmentIds)}/check-in` },
  {
    route: '/api/availability',
    url: (w) => `/api/availability?serviceId=${w.serviceId}&locationId=${w.c.location.id}&${week()}`,
  },
  { route: '/api/treatment-plans', url: (w) => `/api/treatment-plans?patientId=${patient(w)}` },
  { route: '/api/treatment-plans/{id}', url: (w) => `/api/treatment-plans/${first(w.planIds)}` },
  { route: '/api/calendar-feeds/{file}', url: (w) => w.calendarFeedPath, anonymous: true },
  { route: '/api/schedule', url: (w) => `/api/schedule?locationId=${w.c.location.id}&${week()}` },
  { route: '/api/waitlist', url: () => '/api/waitlist' },
  // Public online booking (issue 16): no session; the slug's resolution sets the tenant.
  { route: '/api/public/booking/options', url: (w) => `/api/public/booking/options?organization=${w.bookingSlug}`, anonymous: true },
  {
    route: '/api/public/booking/availability',
    url: (w) => `/api/public/booking/availability?organization=${w.bookingSlug}&serviceId=${w.serviceId}&locationId=${w.c.location.id}&${week()}`,
    anonymous: true,
  },
  // The manage link (issue 16): no session; the key's resolution sets the tenant.
  { route: '/api/public/appointments/{token}', url: (w) => w.manageTokenPath, anonymous: true },
  // Its pre-visit forms: the questionnaire, the patient's own last answers and the visit's consents (prepared by staff).
  { route: '/api/public/appointments/{token}/forms', url: (w) => `${w.manageTokenPath}/forms`, anonymous: true },
  { route: '/api/public/appointments/{token}/availability', url: (w) => `${w.manageTokenPath}/availability?${week()}`, anonymous: true },
  { route: '/api/waitlist/freed-slots', url: (w) => `/api/waitlist/freed-slots?locationId=${w.c.location.id}&${week()}` },
];
