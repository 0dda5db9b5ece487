import { DEFAULT_CONSENT_KINDS, ONLINE_BOOKING_MODES, PROCEDURE_KINDS, type AppointmentStatus, type OnlineBookingMode, type ServiceProcedureKind } from '@skinledger/domain';
import { CONSENT_KIND_LABELS } from '@web/lib/words/clinicWords';

export const SERVICE_KIND_LABELS: Record<ServiceProcedureKind, string> = {
  consultation: 'Consultation',
  cosmetic_needling: 'Cosmetic needling (< 0.5 mm)',
  medical_needling: 'Medical needling (≥ 0.5 mm)',
  follow_up: 'Follow-up',
};

export const SERVICE_KIND_OPTIONS = PROCEDURE_KINDS.map((value) => ({ value, label: SERVICE_KIND_LABELS[value] }));

/** Who may book a service online (issue 16). */
export const ONLINE_BOOKING_LABELS: Record<OnlineBookingMode, string> = {
  off: 'Not online (staff only)',
  existing_patients: 'Existing patients',
  anyone: 'Anyone, new patients too',
};
export const ONLINE_BOOKING_OPTIONS = ONLINE_BOOKING_MODES.map((value) => ({ value, label: ONLINE_BOOKING_LABELS[value] }));

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
