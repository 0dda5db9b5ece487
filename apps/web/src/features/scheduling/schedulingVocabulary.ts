import { DEFAULT_CONSENT_KINDS, PROCEDURE_KINDS, type AppointmentStatus, type ServiceProcedureKind } from '@skinledger/domain';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';

export const SERVICE_KIND_LABELS: Record<ServiceProcedureKind, string> = {
  consultation: 'Consultation',
  cosmetic_needling: 'Cosmetic needling (< 0.5 mm)',
  medical_needling: 'Medical needling (≥ 0.5 mm)',
  follow_up: 'Follow-up',
};

export const SERVICE_KIND_OPTIONS = PROCEDURE_KINDS.map((value) => ({ value, label: SERVICE_KIND_LABELS[value] }));

/** The consents a service can require: the kinds every clinic has a template for (domain.md section 6). */
export const SERVICE_CONSENT_OPTIONS = DEFAULT_CONSENT_KINDS.map((value) => ({ value, label: CONSENT_KIND_LABELS[value] }));

/** ISO weekdays 1 (Monday) … 7 (Sunday), by index + 1. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  in_treatment: 'In treatment',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};
