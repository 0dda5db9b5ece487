import { AUDIT_ACTIONS, auditActionLabel } from '@skinledger/domain';

/** The filter's actions, in words ("Appointment cancelled"), grouped as the catalog lists them. */
export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }));

/** What an event can be about, for the filter. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  organization: 'The clinic',
  location: 'Location',
  staff_member: 'Staff member',
  patient: 'Patient',
  patient_search: 'Patient search',
  appointment: 'Appointment',
  treatment_plan: 'Treatment course',
  treatment_session: 'Treatment session',
  consent: 'Consent',
  consent_template: 'Consent template',
  service: 'Service',
  room: 'Room',
  product: 'Product',
  lot: 'Lot',
  recall: 'Recall',
  device: 'Pen',
};
