import { APPOINTMENT_STATUSES } from '../scheduling/appointment-status';
import { DEVICE_STATUSES, STOCK_MOVEMENT_TYPES } from '../inventory/inventory';

/**
 * Every action the audit trail records (issue 13: the audit log says what happened in a sentence per action). The
 * API's `AuditService.record` takes only these, so a new action does not compile until it is listed here and the
 * audit module has its sentence (`AUDIT_SENTENCES`, exhaustive by type and tested).
 */
export const AUDIT_ACTIONS = [
  // Sign-in and the account's own security
  'auth.login',
  'auth.login_failed',
  'auth.login_mfa_challenged',
  'auth.logout',
  'auth.mfa_enrolment_started',
  'auth.mfa_enabled',
  'auth.mfa_disabled',
  'auth.mfa_failed',
  'auth.password_changed',
  // The clinic, its locations and settings
  'organization.created',
  'organization.updated',
  'location.created',
  'location.updated',
  'settings.screening_updated',
  'settings.treatment_updated',
  'settings.reminders_updated',
  'settings.security_updated',
  'settings.cancellations_updated',
  'settings.online_booking_updated',
  'audit.chain_verified',
  // Staff
  'staff.created',
  'staff.updated',
  'staff.deactivated',
  'staff.reactivated',
  'staff.mfa_reset',
  'calendar_feed.rotated',
  'calendar_feed.revoked',
  'working_hours.replaced',
  'time_off.added',
  'extra_hours.added',
  'hours_exception.removed',
  // Patients and the clinical record
  'patient.created',
  'patient.viewed',
  'patient.updated',
  'patient.archived',
  'patient.restored',
  'patient.exported',
  'patient.timeline_viewed',
  'patient.eligibility_checked',
  'patient.medical_history_recorded',
  'patient.medical_history_viewed',
  'patient.access_log_viewed',
  'patients.searched',
  'patients.imported',
  // Scheduling
  'service.created',
  'service.updated',
  'room.created',
  'room.updated',
  'appointment.updated',
  'appointment.rescheduled',
  ...APPOINTMENT_STATUSES.map((status) => `appointment.${status}` as const),
  'appointments.listed',
  'treatment_plan.proposed',
  'treatment_plan.booked',
  'waitlist_entry.created',
  'waitlist_entry.offered',
  'waitlist_entry.booked',
  'waitlist_entry.removed',
  // Online booking (the patient, through the public channel)
  'online_booking.hold_placed',
  'online_booking.code_failed',
  'online_booking.hold_confirmed',
  'online_booking.hold_ended',
  'online_booking.forms_viewed',
  'online_booking.forms_sent',
  'online_booking.screening_flagged',
  'online_booking.identity_check_failed',
  // Consents
  'consent_template.created',
  'consent_template.version_published',
  'consent_template.approved',
  'consent.created',
  'consent.viewed',
  'consent.signed',
  'consent.witnessed',
  'consent.revoked',
  'consent.kiosk_closed',
  'consent.verified',
  'consent.pdf_downloaded',
  'consents.listed',
  'consents.next_appointment_checked',
  // Treatments
  'treatment.preflight_viewed',
  'treatment_session.started',
  'treatment_session.charted',
  'treatment_session.signed',
  'treatment_session.addendum_added',
  'treatment_session.viewed',
  'treatment_sessions.listed',
  'treatment_session.pdf_downloaded',
  'treatment_session.repeat_read',
  'treatment_template.created',
  'treatment_template.updated',
  'treatment_template.deleted',
  'adverse_event.recorded',
  'adverse_events.listed',
  'photo.uploaded',
  'photo.viewed',
  'photos.listed',
  'photos.compared',
  'assessment.recorded',
  'assessments.listed',
  'exposure.listed',
  // Reports (issue 17): the consent coverage report names patients to call.
  'reports.consent_coverage_listed',
  // Inventory
  'product.created',
  'lot.created',
  'lot.quarantined',
  'lot.released',
  'lot.recalled',
  ...STOCK_MOVEMENT_TYPES.map((type) => `stock.${type}` as const),
  'recall.recorded',
  'device.created',
  'device.updated',
  'device.serviced',
  ...DEVICE_STATUSES.map((status) => `device.${status}` as const),
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** A short label for filters: "appointment.no_show" → "Appointment no show". Sentences say more. */
export function auditActionLabel(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
