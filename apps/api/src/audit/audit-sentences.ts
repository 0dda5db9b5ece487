import { STAFF_ROLE_LABELS, auditActionLabel, isAuditAction, type AuditAction, type Readable, type StaffRole } from '@skinledger/domain';
import type { AuditChanges } from './audit-event.entity';

/**
 * The audit log in words (issue 13): one sentence per action, naming people, records and local times, never an id or
 * a code. "Dana Whitfield cancelled Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling); reason:
 * ill". Names come from the page's one label statement (`audit-labels.queries.ts`); this file only words them.
 */

/** What an id of the page is called, as the record labels and directories published it. */
export interface RecordLabel {
  kind: string;
  label: string | null;
  detail: string | null;
  /** ISO instant: when the record happens or happened (an appointment's start, a session's start). */
  at: string | null;
  patient: string | null;
  staff: string | null;
  location: string | null;
  timeZone: string | null;
}

export interface AuditSentenceInput {
  action: string;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  changes: AuditChanges | null;
  /** The label of any id of the page (entity, actor, ids inside `changes`). */
  label: (id: unknown) => RecordLabel | undefined;
  words: Readable;
  /** The zone for times that carry no location of their own (the organization's first location's). */
  timeZone: string;
}

/** The event as the sentence builders see it. */
export class EventWords {
  readonly entity: RecordLabel | undefined;

  constructor(readonly input: AuditSentenceInput) {
    this.entity = input.label(input.entityId);
  }

  get words(): Readable {
    return this.input.words;
  }

  /** Who did it: the signed-in person, else "Someone" (a system job or a session that no longer resolves). */
  get who(): string {
    return this.input.actorName ?? 'Someone';
  }

  /** The `to` value of a changed field (or the field's plain value). */
  to(field: string): unknown {
    const change = this.input.changes?.[field];
    if (change && typeof change === 'object' && !Array.isArray(change) && ('to' in change || 'from' in change)) return (change as { to?: unknown }).to;
    return change;
  }

  from(field: string): unknown {
    const change = this.input.changes?.[field];
    return change && typeof change === 'object' && !Array.isArray(change) ? (change as { from?: unknown }).from : undefined;
  }

  text(field: string): string | null {
    const value = this.to(field);
    return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null;
  }

  /** ", reason: ill" when the event carries a reason. */
  reason(field = 'reason'): string {
    const reason = this.text(field);
    return reason ? `; reason: ${reason}` : '';
  }

  zoneOf(label: RecordLabel | undefined): string {
    return label?.timeZone ?? this.input.timeZone;
  }

  when(at: string | null | undefined, label?: RecordLabel): string {
    return at ? this.words.dateTime(at, this.zoneOf(label ?? this.entity)) : '';
  }

  /** The patient the event is about: the entity itself or the record's patient. */
  get patient(): string {
    if (this.input.entityType === 'patient') return this.entity?.label ?? 'a patient';
    return this.entity?.patient ?? this.labelOf(this.to('patientId'))?.label ?? 'a patient';
  }

  get patientPossessive(): string {
    return possessive(this.patient);
  }

  labelOf(id: unknown): RecordLabel | undefined {
    return this.input.label(id);
  }

  nameOf(id: unknown, fallback: string): string {
    return this.labelOf(id)?.label ?? fallback;
  }

  // Phrases for each kind of record.
  /** The entity's label when the event is about that kind of record. */
  private entityOf(kind: string): RecordLabel | undefined {
    return this.entity?.kind === kind ? this.entity : undefined;
  }

  get appointment(): string {
    const e = this.entityOf('appointment');
    if (!e) return 'an appointment';
    return `${possessive(e.patient ?? 'a patient')} appointment of ${this.when(e.at)}${e.label ? ` (${e.label})` : ''}`;
  }

  get session(): string {
    const e = this.entityOf('treatment_session');
    if (!e) return 'a treatment session';
    const kind = e.label === 'medical' ? 'medical needling' : e.label === 'cosmetic' ? 'cosmetic needling' : 'treatment';
    return `${possessive(e.patient ?? 'a patient')} ${kind} session of ${this.when(e.at)}`;
  }

  get consent(): string {
    const e = this.entityOf('consent');
    if (!e) return 'a consent';
    return `${possessive(e.patient ?? 'a patient')} consent “${e.label ?? 'consent'}”`;
  }

  get template(): string {
    return this.entity?.label ? `the consent template “${this.entity.label}”` : 'a consent template';
  }

  get lot(): string {
    const e = this.entityOf('lot');
    if (!e?.label) return 'a lot';
    return `lot ${e.label}${e.detail ? ` of ${e.detail}` : ''}`;
  }

  get device(): string {
    const e = this.entityOf('device');
    if (!e?.label) return 'a pen';
    return `pen ${e.label}${e.detail ? ` (${e.detail})` : ''}`;
  }

  get product(): string {
    return this.entity?.label ?? 'a product';
  }

  get recall(): string {
    const e = this.entity;
    return e?.label ? `a ${e.detail ?? ''} recall of ${e.label}`.replace('a  recall', 'a recall') : 'a recall';
  }

  get course(): string {
    const e = this.entityOf('treatment_plan');
    if (!e) return 'a treatment course';
    return `${possessive(e.patient ?? 'a patient')} course of ${e.label ?? 'treatment'}${e.detail ? ` (${e.detail})` : ''}`;
  }

  /** "Jordan Avery (Medical needling, Dec 7, 2026 – Jan 4, 2027)". */
  get waitlistEntry(): string {
    const e = this.entityOf('waitlist_entry');
    if (!e) return 'a patient';
    const [from, to] = (e.detail ?? '').split('/');
    const range = from && to ? `, ${this.words.date(from)} – ${this.words.date(to)}` : '';
    return `${e.patient ?? 'a patient'} (${e.label ?? 'a service'}${range})`;
  }

  /** A deleted template is no longer labelled: its name is in the event's `from`. */
  get templateName(): string {
    const name = this.entityOf('treatment_template')?.label ?? (typeof this.from('name') === 'string' ? (this.from('name') as string) : this.text('name'));
    return name ? `“${name}”` : 'a treatment template';
  }

  get staffMember(): string {
    return this.entity?.label ?? 'a staff member';
  }

  /** "their own" when the actor acts on their own account, else the staff member's name with 's. */
  get staffPossessive(): string {
    return this.input.actorName && this.entity?.label === this.input.actorName ? 'their' : possessive(this.staffMember);
  }

  get location(): string {
    return this.entity?.label ?? 'a location';
  }

  get room(): string {
    const e = this.entity;
    return e?.label ? `${e.label}${e.location ? ` at ${e.location}` : ''}` : 'a room';
  }

  get service(): string {
    return this.entity?.label ? `the service ${this.entity.label}` : 'a service';
  }

  get organization(): string {
    return this.entity?.label ?? 'the clinic';
  }

  /** The location named by a `locationId` change: " at Harbour Street". */
  atLocation(field = 'locationId'): string {
    const name = this.labelOf(this.to(field))?.label;
    return name ? ` at ${name}` : '';
  }

  count(field: string, one: string, many = `${one}s`): string {
    const n = Number(this.to(field));
    return Number.isFinite(n) ? `${n} ${n === 1 ? one : many}` : `some ${many}`;
  }
}

export function possessive(name: string): string {
  if (name === 'a patient') return "a patient's";
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

type Sentence = (e: EventWords) => string;

const roleName = (value: unknown): string => (typeof value === 'string' && value in STAFF_ROLE_LABELS ? STAFF_ROLE_LABELS[value as StaffRole] : 'another role');
const words = (value: unknown): string => (typeof value === 'string' ? value.replace(/[_-]+/g, ' ') : String(value ?? ''));
const timeOffWindow = (e: EventWords): string => {
  const from = e.text('startsAt');
  const to = e.text('endsAt');
  const label = e.labelOf(e.to('locationId'));
  return from && to ? ` (${e.words.dateTimeRange(from, to, e.zoneOf(label))})` : '';
};
const appointmentStatus = (verb: string): Sentence => (e) => `${e.who} ${verb} ${e.appointment}`;

/**
 * One sentence per audited action. A `Record` over the catalog's actions, so an action without a sentence does not
 * compile; `audit-sentences.spec.ts` writes each one and checks it reads as words.
 */
export const AUDIT_SENTENCES: Record<AuditAction, Sentence> = {
  'auth.login': (e) => `${e.who} signed in${e.to('secondFactor') ? ' with a second factor' : ''}`,
  'auth.login_failed': (e) => `A sign-in as ${e.staffMember} failed${e.text('reason') ? ` (${e.text('reason')})` : ' (wrong password)'}`,
  'auth.login_mfa_challenged': (e) => `${e.who} entered the right password and was asked for the second factor`,
  'auth.logout': (e) => `${e.who} signed out`,
  'auth.mfa_enrolment_started': (e) => `${e.who} started setting up two-step sign-in`,
  'auth.mfa_enabled': (e) => `${e.who} turned on two-step sign-in`,
  'auth.mfa_disabled': (e) => `${e.who} turned off two-step sign-in`,
  'auth.mfa_failed': (e) => `${e.who} gave a wrong ${e.to('method') === 'recovery-code' ? 'recovery code' : 'authenticator code'}`,
  'auth.password_changed': (e) => `${e.who} changed their password`,

  'organization.created': (e) => `${e.who} set up ${e.organization} in SkinLedger`,
  'organization.updated': (e) => `${e.who} changed the clinic's details`,
  'location.created': (e) => `${e.who} added the location ${e.location}`,
  'location.updated': (e) => `${e.who} changed the location ${e.location}`,
  'settings.screening_updated': (e) => `${e.who} changed the screening settings`,
  'settings.treatment_updated': (e) => `${e.who} changed the treatment settings`,
  'settings.reminders_updated': (e) => `${e.who} set reminders to go out ${e.text('reminderHoursBefore') ?? 'some'} hours before appointments`,
  'settings.security_updated': (e) => `${e.who} changed which roles must use two-step sign-in`,
  'settings.cancellations_updated': (e) => `${e.who} changed the late-cancellation window`,
  'settings.online_booking_updated': (e) => `${e.who} changed the online-booking settings`,
  'audit.chain_verified': (e) =>
    `${e.who} verified the audit log: ${e.to('intact') === true ? `intact (${e.count('checked', 'event')} checked)` : 'NOT intact: an event was changed, moved or removed'}`,

  'staff.created': (e) => `${e.who} added ${e.staffMember} to the staff (role: ${roleName(e.to('role'))})`,
  'staff.updated': (e) => `${e.who} changed ${e.staffPossessive} account`,
  'staff.deactivated': (e) => `${e.who} deactivated ${e.staffPossessive} account and ended ${e.count('sessionsEnded', 'open session')}`,
  'staff.reactivated': (e) => `${e.who} reactivated ${e.staffPossessive} account`,
  'staff.mfa_reset': (e) => `${e.who} reset ${e.staffPossessive} two-step sign-in (lost phone)`,
  'calendar_feed.rotated': (e) => `${e.who} issued a new calendar feed link for ${e.staffMember}`,
  'calendar_feed.revoked': (e) => `${e.who} revoked ${e.staffPossessive} calendar feed link`,
  'working_hours.replaced': (e) => `${e.who} set ${e.staffPossessive} working hours${e.atLocation()}`,
  'time_off.added': (e) => `${e.who} recorded time off for ${e.staffMember}${timeOffWindow(e)}${e.reason()}`,
  'extra_hours.added': (e) => `${e.who} added extra working hours for ${e.staffMember}${e.atLocation()}${timeOffWindow(e)}`,
  'hours_exception.removed': (e) => `${e.who} removed time off or extra hours of ${e.staffMember}`,

  'patient.created': (e) => `${e.who} registered ${e.patient} as a patient${e.text('mrn') ? ` (MRN ${e.text('mrn')})` : ''}`,
  'patient.viewed': (e) => `${e.who} opened ${e.patientPossessive} record`,
  'patient.updated': (e) => `${e.who} changed ${e.patientPossessive} details`,
  'patient.archived': (e) => `${e.who} archived ${e.patientPossessive} record${e.reason()}`,
  'patient.restored': (e) => `${e.who} restored ${e.patientPossessive} record from the archive`,
  'patient.exported': (e) => `${e.who} exported ${e.patientPossessive} whole record`,
  'patient.timeline_viewed': (e) => `${e.who} viewed ${e.patientPossessive} timeline`,
  'patient.eligibility_checked': (e) =>
    `${e.who} checked whether ${e.patient} may have ${words(e.to('procedure'))} needling${e.text('on') ? ` on ${e.words.date(e.text('on') as string)}` : ''}: ${e.to('eligible') === true ? 'eligible' : 'not eligible'}`,
  'patient.medical_history_recorded': (e) =>
    e.to('source') === 'patient'
      ? `${e.patient} filled in their medical history through the manage link${e.text('medicalHistoryVersion') ? ` (version ${e.text('medicalHistoryVersion')}, patient-reported)` : ''}`
      : `${e.who} recorded ${e.patientPossessive} medical history${e.text('medicalHistoryVersion') ? ` (version ${e.text('medicalHistoryVersion')})` : ''}`,
  'patient.medical_history_viewed': (e) => `${e.who} viewed ${e.patientPossessive} medical history`,
  'patient.access_log_viewed': (e) => `${e.who} viewed ${e.patientPossessive} access log`,
  'patients.searched': (e) => `${e.who} searched the patient list (${e.count('resultCount', 'result')})`,
  'patients.imported': (e) => `${e.who} imported patients from a CSV file: ${e.count('created', 'new patient')} of ${e.count('rows', 'row')}`,

  'service.created': (e) => `${e.who} added ${e.service}`,
  'service.updated': (e) => `${e.who} changed ${e.service}`,
  'room.created': (e) => `${e.who} added the room ${e.room}`,
  'room.updated': (e) => `${e.who} changed the room ${e.room}`,
  'appointment.booked': (e) =>
    `${e.to('source') === 'online' ? 'The patient' : e.who} booked ${e.appointment}${e.entity?.staff ? ` with ${e.entity.staff}` : ''}${e.to('source') === 'online' ? ' online' : ''}`,
  'appointment.updated': (e) => `${e.who} changed ${e.appointment}`,
  'appointment.rescheduled': (e) => {
    const before = e.text('startsAt') ? e.from('startsAt') : undefined;
    return `${e.who} moved ${e.appointment}${typeof before === 'string' ? ` (was ${e.when(before)})` : ''}`;
  },
  'appointment.confirmed': appointmentStatus('confirmed'),
  'appointment.checked_in': (e) => `${e.who} checked ${e.entity?.patient ?? 'a patient'} in for their appointment of ${e.when(e.entity?.at)}`,
  'appointment.in_treatment': (e) => `${e.appointment} moved to “in treatment” as ${e.who} started the session`,
  'appointment.completed': (e) => `${e.appointment} was completed (the session was signed by ${e.who})`,
  'appointment.cancelled': (e) =>
    `${e.who} cancelled ${e.appointment}${e.to('cancelledBy') === 'clinic' ? ' for the clinic' : e.to('cancelledBy') === 'patient' ? ' for the patient' : ''}${e.to('lateCancellation') === true ? ' (late cancellation)' : ''}${e.reason('cancelReason')}`,
  'appointment.no_show': (e) => `${e.who} marked ${e.appointment} as a no-show`,
  'appointments.listed': (e) => `${e.who} viewed ${e.patientPossessive} appointments`,
  'waitlist_entry.created': (e) => `${e.who} put ${e.waitlistEntry} on the waitlist`,
  'waitlist_entry.offered': (e) => `${e.who} offered a freed slot to ${e.waitlistEntry}`,
  'waitlist_entry.booked': (e) => `${e.who} booked ${e.waitlistEntry} into a freed slot${appointmentOf(e)}`,
  'waitlist_entry.removed': (e) => `${e.who} took ${e.waitlistEntry} off the waitlist${e.reason()}`,
  'online_booking.hold_placed': (e) => `Someone booking online held the time of ${e.appointment} and was e-mailed a code`,
  'online_booking.code_failed': (e) => `Someone booking online entered a wrong code for ${e.appointment} (${Number(e.to('wrongCodes')) || 1} so far)`,
  'online_booking.hold_confirmed': (e) => `The patient confirmed ${e.appointment} online with the e-mailed code`,
  'online_booking.hold_ended': (e) =>
    `The online hold of ${e.appointment} ended (${e.to('endedBecause') === 'refused' ? 'refused by the booking rules' : 'five wrong codes'}); its time is free again`,
  'online_booking.forms_viewed': (e) => `The patient opened the pre-visit forms of ${e.appointment} through the manage link`,
  'online_booking.forms_sent': (e) => `${e.who} e-mailed the pre-visit forms of ${e.appointment} to the patient${e.to('manageLinkCreated') === true ? ' (with a new manage link)' : ''}`,
  'online_booking.screening_flagged': (e) =>
    `The medical history the patient filled in before ${e.appointment} means the treatment must wait${e.text('eligibleFrom') ? ` (possible from ${e.text('eligibleFrom')})` : ''}: review it and contact the patient`,
  'online_booking.identity_check_failed': (e) => `Someone with the manage link of ${e.appointment} gave a wrong date of birth when signing a consent`,
  'treatment_plan.proposed': (e) => `${e.who} planned ${e.course}`,
  'treatment_plan.booked': (e) => `${e.who} booked every session of ${e.course}`,

  'consent_template.created': (e) => `${e.who} created ${e.template}`,
  'consent_template.version_published': (e) => `${e.who} published a new version of ${e.template}${e.to('requiresReconsent') === true ? ' (patients must consent again)' : ''}`,
  'consent_template.approved': (e) => `${e.who} approved version ${e.text('approvedVersion') ?? ''} of ${e.template}`,
  'consent.created': (e) => `${e.who} prepared ${e.consent} for signing`,
  'consent.viewed': (e) => `${e.who} viewed ${e.consent}`,
  'consent.signed': (e) =>
    e.to('signedRemotely') === true
      ? `${e.text('signerName') ?? e.patient} signed the consent “${e.entity?.label ?? 'consent'}” remotely, through the manage link`
      : `${e.text('signerName') ?? e.patient} signed the consent “${e.entity?.label ?? 'consent'}” (on ${possessive(e.who)} device)`,
  'consent.witnessed': (e) => `${e.who} witnessed ${e.patientPossessive} signature of “${e.entity?.label ?? 'the consent'}”`,
  'consent.revoked': (e) => `${e.who} recorded that ${e.patient} withdrew ${e.to('wasSigned') === false ? 'the unsigned' : 'their'} consent “${e.entity?.label ?? 'consent'}”${e.reason()}`,
  'consent.kiosk_closed': (e) => `${e.who} closed the signing kiosk for ${e.consent}`,
  'consent.verified': (e) => `${e.who} verified ${e.consent}: ${e.to('intact') === false ? 'it does NOT match what was signed' : 'unchanged since signing'}`,
  'consent.pdf_downloaded': (e) => `${e.who} downloaded the PDF of ${e.consent}`,
  'consents.listed': (e) => `${e.who} viewed ${e.patientPossessive} consents`,
  'consents.next_appointment_checked': (e) => `${e.who} checked which consents ${e.patient} still needs for the next appointment`,

  'treatment.preflight_viewed': (e) => `${e.who} viewed the pre-treatment checklist for ${e.patient}`,
  'treatment_session.started': (e) => `${e.who} started ${e.session}`,
  'treatment_session.charted': (e) => `${e.who} charted ${e.session}`,
  'treatment_session.signed': (e) => `${e.who} signed and locked ${e.session}`,
  'treatment_session.addendum_added': (e) => `${e.who} added an addendum to ${e.session}`,
  'treatment_session.viewed': (e) => `${e.who} viewed ${e.patientPossessive} treatment session${sessionOf(e)}`,
  'treatment_sessions.listed': (e) => `${e.who} viewed ${e.patientPossessive} treatment sessions`,
  'treatment_session.pdf_downloaded': (e) => `${e.who} downloaded the printable record of ${e.patientPossessive} treatment session${sessionOf(e)}`,
  'treatment_session.repeat_read': (e) => `${e.who} opened ${e.patientPossessive} last session to start from it`,
  'treatment_template.created': (e) => `${e.who} created the treatment template ${e.templateName}`,
  'treatment_template.updated': (e) => `${e.who} changed the treatment template ${e.templateName}`,
  'treatment_template.deleted': (e) => `${e.who} deleted the treatment template ${e.templateName}`,
  'adverse_event.recorded': (e) => `${e.who} recorded an adverse event (${words(e.to('type'))}) after ${e.session}`,
  'adverse_events.listed': (e) => `${e.who} viewed ${e.patientPossessive} adverse events`,
  'photo.uploaded': (e) => `${e.who} added a ${e.text('phase') ? `${words(e.to('phase'))} ` : ''}photo to ${e.session}`,
  'photo.viewed': (e) => `${e.who} viewed a photo of ${e.patient}`,
  'photos.listed': (e) => `${e.who} viewed ${e.patientPossessive} photos`,
  'photos.compared': (e) => `${e.who} compared ${e.patientPossessive} photos side by side`,
  'assessment.recorded': (e) => `${e.who} recorded an outcome score for ${e.patient}`,
  'assessments.listed': (e) => `${e.who} viewed ${e.patientPossessive} outcome scores`,
  'reports.consent_coverage_listed': (e) =>
    `${e.who} viewed the consent coverage report: ${e.count('notReady', 'appointment')} not ready in the next 7 days, ${e.count('expiringSoon', 'consent')} expiring within 30 days`,
  'exposure.listed': (e) =>
    `${e.who} listed the ${e.count('sessionCount', 'session')} that used ${e.input.entityType === 'device' ? e.device : e.lot}, with the patients' contact details`,

  'product.created': (e) => `${e.who} added the product ${e.product}`,
  'lot.created': (e) => `${e.who} recorded ${e.lot}${e.text('expiresOn') ? `, expiring ${e.words.date(e.text('expiresOn') as string)}` : ''}`,
  'lot.quarantined': (e) => `${e.who} quarantined ${e.lot}${e.reason()}`,
  'lot.released': (e) => `${e.who} released ${e.lot} from quarantine`,
  'lot.recalled': (e) => `${e.who} marked ${e.lot} as recalled${e.reason()}`,
  'stock.received': (e) => `${e.who} received ${e.count('quantity', 'unit')} of ${e.lot}${e.atLocation()}`,
  'stock.used': (e) => `${e.who} used ${e.count('quantity', 'unit')} of ${e.lot}${e.atLocation()} in a treatment`,
  'stock.wasted': (e) => `${e.who} wasted ${e.count('quantity', 'unit')} of ${e.lot}${e.atLocation()}${e.reason()}`,
  'stock.adjusted': (e) => `${e.who} corrected the count of ${e.lot}${e.atLocation()} by ${signed(e.to('delta'))}${e.reason()}`,
  'stock.transferred': (e) =>
    `${e.who} moved ${e.count('quantity', 'unit')} of ${e.lot} ${Number(e.to('delta')) < 0 ? `out of ${e.nameOf(e.to('locationId'), 'one location')} to ${e.nameOf(e.to('counterpartLocationId'), 'another')}` : `into ${e.nameOf(e.to('locationId'), 'one location')} from ${e.nameOf(e.to('counterpartLocationId'), 'another')}`}`,
  'stock.returned': (e) => `${e.who} returned ${e.count('quantity', 'unit')} of ${e.lot}${e.atLocation()} to the supplier${e.reason()}`,
  'recall.recorded': (e) => `${e.who} recorded ${e.recall}`,
  'device.created': (e) => `${e.who} registered ${e.device}${e.atLocation()}`,
  'device.updated': (e) => `${e.who} changed ${e.device}`,
  'device.serviced': (e) => `${e.who} logged ${words(e.to('kind')) || 'service'} of ${e.device}`,
  'device.active': (e) => `${e.who} put ${e.device} back in use`,
  'device.out_of_service': (e) => `${e.who} took ${e.device} out of service${e.reason('statusReason')}`,
  'device.retired': (e) => `${e.who} retired ${e.device}${e.reason('statusReason')}`,
};

function appointmentOf(e: EventWords): string {
  const appointment = e.labelOf(e.to('appointmentId'));
  return appointment?.at ? ` (${e.when(appointment.at, appointment)})` : '';
}

function sessionOf(e: EventWords): string {
  const session = e.labelOf(e.to('sessionId'));
  return session?.at ? ` of ${e.when(session.at, session)}` : '';
}

function signed(value: unknown): string {
  const n = Number(value);
  return Number.isFinite(n) ? (n > 0 ? `+${n}` : String(n)) : 'an amount';
}

/** The event's sentence, in the clinic's spelling. An action unknown to this build reads as its label. */
export function auditSentence(input: AuditSentenceInput): string {
  const e = new EventWords(input);
  const sentence = isAuditAction(input.action) ? AUDIT_SENTENCES[input.action](e) : `${e.who}: ${auditActionLabel(input.action).toLowerCase()}`;
  return input.words.spell(capitalize(sentence));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
