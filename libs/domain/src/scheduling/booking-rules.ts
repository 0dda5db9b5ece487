import type { BookingRuleCode } from '../codes/scheduling';
import { mayPerformMedicalNeedling, type PractitionerCredential } from '../access/credentials';
import { daysBetween } from '../dates/arithmetic';
import type { IsoDate } from '../dates/iso-date';
import { containedIn, overlaps, type Interval } from './intervals';

export const PROCEDURE_KINDS = ['consultation', 'cosmetic_needling', 'medical_needling', 'follow_up'] as const;
export type ServiceProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** domain.md section 3: a medical session needs at least 28 days since the patient's previous one (configurable). */
export const DEFAULT_MIN_DAYS_BETWEEN_MEDICAL = 28;

export interface BookingViolation {
  code: BookingRuleCode;
  message: string;
  [extra: string]: unknown;
}

export interface BookingFacts {
  appointment: Interval;
  /** The appointment's calendar date at its location. */
  localDate: IsoDate;
  service: { procedureKind: ServiceProcedureKind; minDaysSincePreviousMedical: number };
  patient: { archived: boolean };
  practitioner: { active: boolean; credentials: readonly PractitionerCredential[] };
  location: { active: boolean };
  room: { atLocation: boolean; active: boolean };
  /** Working time at the location around the appointment, time off already removed. */
  working: readonly Interval[];
  timeOff: readonly Interval[];
  /** The patient's other medical-needling appointments (not cancelled, not no-show), with their local dates. */
  otherMedical: readonly { id: string; localDate: IsoDate }[];
}

/**
 * Every booking rule the appointment breaks (issue 6), each with a stable code, so the API answers all of them at
 * once. Empty when the appointment may be booked.
 */
export function bookingViolations(f: BookingFacts): BookingViolation[] {
  const v: BookingViolation[] = [];
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
  if (f.service.procedureKind === 'medical_needling') {
    // domain.md section 1: medical depth (>= 0.5 mm) needs a licence that allows it, not expired on the day.
    if (!mayPerformMedicalNeedling(f.practitioner.credentials, f.localDate)) {
      v.push({
        code: 'practitioner-not-credentialed',
        message: `The practitioner has no current licence allowing medical needling (>= 0.5 mm) on ${f.localDate}`,
      });
    }
    const minDays = f.service.minDaysSincePreviousMedical;
    const tooClose = f.otherMedical.filter((o) => Math.abs(daysBetween(o.localDate, f.localDate)) < minDays);
    if (tooClose.length > 0) {
      v.push({
        code: 'medical-interval',
        message: `Medical needling needs at least ${minDays} days between sessions; the patient has one on ${tooClose.map((o) => o.localDate).join(', ')}`,
        appointmentIds: tooClose.map((o) => o.id),
      });
    }
  }
  return v;
}
