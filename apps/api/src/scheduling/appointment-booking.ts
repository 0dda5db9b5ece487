import { Injectable } from '@nestjs/common';
import { bookingViolations, instantToLocal, readable, type BookingViolation } from '@skinledger/domain';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { ConflictError, InvalidFieldError } from '../common/problems/domain-error';
import { conflictingAppointment, findRoom, holdBookingLocks, otherMedicalSessions, type ConflictingAppointment } from './booking.queries';
import type { ServiceDto } from './catalog.dto';
import { CatalogService } from './catalog.service';
import { findLocation, patientArchivedAt } from './clinic-directory.queries';
import { loadPractitionerFacts } from './schedule.queries';
import { releaseExpiredHolds } from './slot-holds.queries';

export interface BookingInput {
  patientId: string;
  serviceId: string;
  practitionerId: string;
  roomId: string;
  locationId: string;
  startsAt: Date;
  /** A reschedule: the appointment itself neither blocks nor counts as the patient's other session. */
  excludeAppointmentId?: string;
}

export interface CheckedBooking {
  violations: BookingViolation[];
  service: ServiceDto;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  occupiedUntil: Date;
}

/** The resource and time an insert or update tried to take, so a 23P01 can be explained after the rollback. */
export interface BookingAttempt {
  practitionerId: string;
  roomId: string;
  startsAt: Date;
  occupiedUntil: Date;
  excludeAppointmentId?: string;
  sessionNumber?: number;
  /** Whose booking it is, so a refusal can say whether the other appointment is the same patient's. */
  patientId?: string;
}

const MINUTE = 60_000;

/**
 * The booking rules (issue 6) over facts read in the caller's transaction, and the translation of the database's
 * double-booking refusal (exclusion constraint, SQLSTATE 23P01) into a 409 naming the appointment already there.
 */
@Injectable()
export class AppointmentBooking {
  constructor(private readonly catalog: CatalogService) {}

  async check(manager: EntityManager, organizationId: string, input: BookingInput): Promise<CheckedBooking> {
    // Serializes bookings of one patient (the medical interval rule) and holds the practitioner's hours and time off still.
    await holdBookingLocks(manager, input.patientId, input.practitionerId);
    const service = await this.catalog.findService(manager, organizationId, input.serviceId, 'serviceId');
    const patient = await patientArchivedAt(manager, organizationId, input.patientId);
    if (!patient) throw new InvalidFieldError('patientId', 'no such patient in this organization');
    const location = await findLocation(manager, organizationId, input.locationId);
    if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
    const room = await findRoom(manager, organizationId, input.roomId);
    if (!room) throw new InvalidFieldError('roomId', 'no such room in this organization');
    const timeZone: string = location.timezone;
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + service.durationMin * MINUTE);
    const occupiedUntil = new Date(endsAt.getTime() + service.bufferMin * MINUTE);
    // An expired online hold is free time, but the exclusion constraints still see it: release it before writing.
    await releaseExpiredHolds(manager, organizationId, { practitionerId: input.practitionerId, roomId: input.roomId, startsAt, occupiedUntil, exceptId: input.excludeAppointmentId });
    const [practitioner] = await loadPractitionerFacts(manager, {
      organizationId,
      locationId: input.locationId,
      timeZone,
      from: new Date(startsAt.getTime() - 86_400_000),
      to: new Date(occupiedUntil.getTime() + 86_400_000),
      practitionerIds: [input.practitionerId],
      excludeAppointmentId: input.excludeAppointmentId,
    });
    if (!practitioner) throw new InvalidFieldError('practitionerId', 'no such staff member in this organization');
    const otherMedical =
      service.procedureKind === 'medical_needling' ? await otherMedicalSessions(manager, organizationId, input.patientId, input.excludeAppointmentId ?? null) : [];
    const violations = bookingViolations({
      appointment: { start: startsAt.getTime(), end: endsAt.getTime() },
      localDate: instantToLocal(startsAt, timeZone).date,
      service: { procedureKind: service.procedureKind, minDaysBetweenMedicalSessions: service.minDaysBetweenMedicalSessions },
      patient: { archived: patient.archived_at !== null },
      practitioner: { active: practitioner.active, credentials: practitioner.credentials },
      location: { active: location.is_active },
      room: { atLocation: room.location_id === input.locationId, active: room.is_active },
      working: practitioner.working,
      timeOff: practitioner.timeOff,
      otherMedical: otherMedical.map((o) => ({ id: o.id, date: o.local_date })),
      locale: location.locale,
    });
    if (!service.isActive) violations.unshift({ code: 'service-inactive', message: `${service.name} is no longer offered (inactive)` });
    return { violations, service, timeZone, startsAt, endsAt, occupiedUntil };
  }
}

/** The database refused a write as a double booking (an exclusion constraint on appointments: SQLSTATE 23P01). */
export function isDoubleBookingRefusal(error: unknown): boolean {
  const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return pg?.code === '23P01' && (pg.constraint?.startsWith('appointments_') ?? false);
}

/**
 * Runs a booking write; when the database refuses it as a double booking, answers 409 naming the appointment that
 * holds the practitioner or room (looked up after the rollback, when the other booking is visible).
 */
export async function explainDoubleBooking<T>(dataSource: DataSource, organizationId: string, attempt: { current?: BookingAttempt }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
    const tried = attempt.current;
    if (pg?.code !== '23P01' || !tried || !pg.constraint?.startsWith('appointments_')) throw error;
    const resource = pg.constraint === 'appointments_room_no_overlap' ? 'room' : 'practitioner';
    const other = await conflictingAppointment(dataSource.manager, organizationId, {
      roomId: resource === 'room' ? tried.roomId : null,
      practitionerId: resource === 'practitioner' ? tried.practitionerId : null,
      startsAt: tried.startsAt,
      occupiedUntil: tried.occupiedUntil,
      excludeAppointmentId: tried.excludeAppointmentId ?? null,
      patientId: tried.patientId ?? null,
    });
    throw new ConflictError('double-booking', doubleBookingDetail(resource, tried, other), {
      resource,
      conflictingAppointmentId: other?.id ?? null,
      ...(other ? { conflictingStartsAt: other.starts_at.toISOString(), conflictingEndsAt: other.ends_at.toISOString() } : {}),
      ...(tried.sessionNumber ? { sessionNumber: tried.sessionNumber } : {}),
    });
  }
}

/**
 * The refusal in the clinic's words: who or which room, the other appointment's times in its location's zone and
 * the clinic's variant, and whether its clean-up buffer is what overlaps ("Samuel Osei is already booked 10:30 –
 * 11:00 AM with another patient"). Ids and instants stay in the problem's extension members.
 */
function doubleBookingDetail(resource: 'room' | 'practitioner', tried: BookingAttempt, other: ConflictingAppointment | undefined): string {
  const session = tried.sessionNumber ? `Session ${tried.sessionNumber}: ` : '';
  if (!other) return `${session}The ${resource} was just booked by someone else at that time; pick another time`;
  const words = readable(other.locale);
  const who = resource === 'room' ? (other.room_name ?? 'The room') : (other.practitioner_name ?? 'The practitioner');
  const day = words.day(other.starts_at, other.timezone) === words.day(tried.startsAt, other.timezone) ? '' : ` on ${words.day(other.starts_at, other.timezone)}`;
  if (other.hold_expires_at) {
    // Someone booking online holds it: say so, and when it lapses unless confirmed.
    return `${session}${who} is held ${words.timeRange(other.starts_at, other.ends_at, other.timezone)}${day} for an online booking until ${words.time(other.hold_expires_at, other.timezone)}`;
  }
  const whom = resource === 'room' || !tried.patientId ? '' : other.same_patient ? ' with this patient' : ' with another patient';
  const buffer = other.occupied_until > other.ends_at ? `, then clean-up until ${words.time(other.occupied_until, other.timezone)}` : '';
  return `${session}${who} is already booked ${words.timeRange(other.starts_at, other.ends_at, other.timezone)}${day}${whom}${buffer}`;
}
