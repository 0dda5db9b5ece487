import type { BookingRuleCode } from '../codes/scheduling';
import { credentialViolation, MEDICAL_DEPTH_THRESHOLD_MM, type CredentialViolation, type PractitionerCredential } from '../access/credentials';
import type { IsoDate } from '../dates/iso-date';
import type { ProcedureKind } from '../treatment/depth';
import { medicalIntervalViolation, type MedicalSessionOnDate } from '../treatment/medical-interval';
import { containedIn, overlaps, type Interval } from './intervals';
import type { ClinicLocale } from '../locale/clinic-locale';
import { readable, type Readable } from '../locale/readable';

export const PROCEDURE_KINDS = ['consultation', 'cosmetic_needling', 'medical_needling', 'follow_up'] as const;
export type ServiceProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** The needling a service books; null for a consultation or follow-up without needling. */
export function serviceNeedling(kind: ServiceProcedureKind): ProcedureKind | null {
  if (kind === 'medical_needling') return 'medical';
  return kind === 'cosmetic_needling' ? 'cosmetic' : null;
}

export interface BookingViolation {
  code: BookingRuleCode;
  message: string;
  [extra: string]: unknown;
}

export interface BookingFacts {
  appointment: Interval;
  /** The appointment's calendar date at its location. */
  localDate: IsoDate;
  /** minDaysBetweenMedicalSessions: the service's medical interval (domain.md section 3). */
  service: { procedureKind: ServiceProcedureKind; minDaysBetweenMedicalSessions: number };
  patient: { archived: boolean };
  practitioner: { active: boolean; credentials: readonly PractitionerCredential[] };
  location: { active: boolean };
  room: { atLocation: boolean; active: boolean };
  /** Working time at the location around the appointment, time off already removed. */
  working: readonly Interval[];
  timeOff: readonly Interval[];
  /**
   * The patient's other medical sessions: medical-needling appointments (not cancelled, not no-show) and medical
   * treatment sessions not booked as one, with their local dates.
   */
  otherMedical: readonly MedicalSessionOnDate[];
  /** The clinic's English variant, for the dates in the messages (default en-US). */
  locale?: ClinicLocale;
}

/**
 * The licence rule at booking (domain.md section 1): medical needling (>= 0.5 mm) needs a practitioner whose licence
 * allows it and is current on the appointment's local date. Null when the practitioner may be booked for the
 * service. The API applies it to every booking; the booking dialog offers only the services it allows.
 */
export function serviceCredentialViolation(
  procedureKind: ServiceProcedureKind,
  credentials: readonly PractitionerCredential[],
  localDate: IsoDate,
  words: Readable = readable(),
): CredentialViolation | null {
  if (procedureKind !== 'medical_needling') return null;
  return credentialViolation(credentials, localDate, MEDICAL_DEPTH_THRESHOLD_MM, undefined, words);
}

/**
 * Every booking rule the appointment breaks (issue 6), each with a stable code, so the API answers all of them at
 * once. Empty when the appointment may be booked.
 */
export function bookingViolations(f: BookingFacts): BookingViolation[] {
  const v: BookingViolation[] = [];
  const words = readable(f.locale);
  if (f.patient.archived) v.push({ code: 'patient-archived', message: 'The patient is archived: restore the record before booking' });
  if (!f.location.active) v.push({ code: 'location-inactive', message: 'The location is closed (inactive)' });
  if (!f.room.atLocation) v.push({ code: 'room-not-at-location', message: 'The room belongs to another location' });
  else if (!f.room.active) v.push({ code: 'room-inactive', message: 'The room is out of use (inactive)' });
  if (!f.practitioner.active) v.push({ code: 'practitioner-inactive', message: 'The practitioner is deactivated' });
  if (f.timeOff.some((t) => overlaps(t, f.appointment))) {
    v.push({ code: 'practitioner-time-off', message: 'The practitioner is off at that time' });
  } else if (!containedIn(f.appointment, f.working)) {
    v.push({ code: 'outside-working-hours', message: "The appointment is outside the practitioner's working hours at this location" });
  }
  const licence = serviceCredentialViolation(f.service.procedureKind, f.practitioner.credentials, f.localDate, words);
  if (licence) v.push({ ...licence });
  if (f.service.procedureKind === 'medical_needling') {
    const interval = medicalIntervalViolation(f.localDate, f.otherMedical, f.service.minDaysBetweenMedicalSessions, words);
    if (interval) v.push({ code: interval.code, message: interval.message, appointmentIds: interval.tooClose.map((o) => o.id) });
  }
  return v;
}
