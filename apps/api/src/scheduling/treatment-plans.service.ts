import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  courseIntervalViolation,
  formatClockTime,
  instantToLocal,
  localTimeToInstant,
  nextMedicalSessionFrom,
  parseClockTime,
  preferredSlot,
  slotMatchesPreference,
  TIME_OF_DAY_WINDOWS,
  type SlotPreference,
} from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { explainDoubleBooking, type BookingAttempt } from './appointment-booking';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability.service';
import { CatalogService } from './catalog.service';
import { findLocation, patientArchivedAt, staffMemberExists } from './clinic-directory.queries';
import type { CreateTreatmentPlanDto, TreatmentPlanDto } from './treatment-plans.dto';
import {
  insertPlan,
  insertPlanSession,
  linkSessionAppointment,
  lockPlan,
  markPlanBooked,
  patientPlansWithSessions,
  planSessionRows,
  planWithSessions,
  type PlanWithSessionsRow,
} from './treatment-plans.queries';

/** What a proposed course's audit event records. */
const PROPOSED_FIELDS = ['patientId', 'serviceId', 'sessions', 'intervalWeeks', 'startOn', 'practitionerId', 'preferredPractitionerId', 'timeOfDay', 'preferredFrom', 'preferredTo'] as const;

/** How far around a session's target date the nearest free slot is looked for. */
const SEARCH_DAYS_AROUND = 7;

/** The preferred window of a course's starts from a named part of the day or from–to times; null without one. */
function preferredWindow(input: CreateTreatmentPlanDto): { fromMinute: number; toMinute: number } | null {
  if (input.timeOfDay) {
    if (input.preferredFrom !== undefined || input.preferredTo !== undefined) {
      throw new InvalidFieldError('preferredFrom', 'give either a part of the day (timeOfDay) or a window (preferredFrom and preferredTo), not both');
    }
    return TIME_OF_DAY_WINDOWS[input.timeOfDay];
  }
  if (input.preferredFrom === undefined && input.preferredTo === undefined) return null;
  if (input.preferredFrom === undefined) throw new InvalidFieldError('preferredFrom', 'is needed with preferredTo');
  if (input.preferredTo === undefined) throw new InvalidFieldError('preferredTo', 'is needed with preferredFrom');
  const fromMinute = parseClockTime(input.preferredFrom) as number;
  const toMinute = parseClockTime(input.preferredTo) as number;
  if (toMinute <= fromMinute) throw new InvalidFieldError('preferredTo', 'must be after preferredFrom');
  return { fromMinute, toMinute };
}

/**
 * Treatment courses (domain.md section 3): sessions every N weeks from a start date; each gets the free slot nearest
 * its target date that keeps the patient's preferred time of day and practitioner where it can (preferredSlot), and
 * booking the plan books every session or none.
 */
@Injectable()
export class TreatmentPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentsService,
  ) {}

  async create(actor: Actor, input: CreateTreatmentPlanDto): Promise<TreatmentPlanDto> {
    const service = await this.catalog.findService(this.dataSource.manager, actor.organizationId, input.serviceId, 'serviceId');
    const tooShort = service.procedureKind === 'medical_needling' ? courseIntervalViolation(input.intervalWeeks, service.minDaysBetweenMedicalSessions) : null;
    if (tooShort) throw new RuleViolationError('The course breaks the medical interval', [tooShort]);
    const db = this.dataSource.manager;
    const location = await findLocation(db, actor.organizationId, input.locationId);
    if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
    if (!(await patientArchivedAt(db, actor.organizationId, input.patientId))) throw new InvalidFieldError('patientId', 'no such patient in this organization');
    if (input.practitionerId && !(await staffMemberExists(db, actor.organizationId, input.practitionerId))) {
      throw new InvalidFieldError('practitionerId', 'no such staff member in this organization');
    }
    if (input.preferredPractitionerId) {
      if (input.practitionerId) throw new InvalidFieldError('preferredPractitionerId', 'give either practitionerId (only this practitioner) or a preferred one, not both');
      if (!(await staffMemberExists(db, actor.organizationId, input.preferredPractitionerId))) {
        throw new InvalidFieldError('preferredPractitionerId', 'no such staff member in this organization');
      }
    }
    const window = preferredWindow(input);
    const preference: SlotPreference = { window, practitionerId: input.preferredPractitionerId ?? null };
    const timeZone: string = location.timezone;
    const taken: { practitionerId: string; roomId: string; start: number; end: number }[] = [];
    const proposals: { targetOn: string; slot?: { start: number; practitionerId: string; roomId: string } }[] = [];
    let notBefore = Date.now();
    const occupiedMs = (service.durationMin + service.bufferMin) * 60_000;
    for (let k = 0; k < input.sessions; k++) {
      const targetOn = addDays(input.startOn, k * input.intervalWeeks * 7);
      const from = localTimeToInstant(addDays(targetOn, -SEARCH_DAYS_AROUND), 0, timeZone);
      const to = localTimeToInstant(addDays(targetOn, SEARCH_DAYS_AROUND + 1), 0, timeZone);
      const { slots } = await this.availability.search(
        this.dataSource,
        { organizationId: actor.organizationId, service, locationId: input.locationId, timeZone, from, to, practitionerId: input.practitionerId, notBefore },
        taken,
      );
      const slot = preferredSlot(slots, targetOn, timeZone, preference, notBefore)?.slot;
      proposals.push({ targetOn, slot });
      if (slot) {
        taken.push({ practitionerId: slot.practitionerId, roomId: slot.roomId, start: slot.start, end: slot.start + occupiedMs });
        // The next session keeps the medical minimum interval after this one (on the local calendar).
        if (service.procedureKind === 'medical_needling') {
          notBefore = localTimeToInstant(nextMedicalSessionFrom(instantToLocal(slot.start, timeZone).date, service.minDaysBetweenMedicalSessions), 0, timeZone).getTime();
        } else notBefore = slot.start + occupiedMs;
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const planId = await insertPlan(manager, {
        organizationId: actor.organizationId,
        patientId: input.patientId,
        serviceId: input.serviceId,
        locationId: input.locationId,
        practitionerId: input.practitionerId ?? null,
        sessions: input.sessions,
        intervalWeeks: input.intervalWeeks,
        startOn: input.startOn,
        createdBy: actor.staffMemberId,
        preferredPractitionerId: input.preferredPractitionerId ?? null,
        preferredTimeOfDay: input.timeOfDay ?? null,
        preferredWindow: window,
      });
      for (const [i, p] of proposals.entries()) {
        await insertPlanSession(manager, actor.organizationId, planId, {
          sessionNumber: i + 1,
          targetOn: p.targetOn,
          startsAt: p.slot ? new Date(p.slot.start) : null,
          practitionerId: p.slot?.practitionerId ?? null,
          roomId: p.slot?.roomId ?? null,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'treatment_plan.proposed',
        entityType: 'treatment_plan',
        entityId: planId,
        changes: createdFields(input, PROPOSED_FIELDS.filter((f) => input[f] !== undefined)),
      });
      return this.read(manager, actor.organizationId, planId);
    });
  }

  async book(actor: Actor, id: string): Promise<TreatmentPlanDto> {
    const attempt: { current?: BookingAttempt } = {};
    return explainDoubleBooking(this.dataSource, actor.organizationId, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const plan = await lockPlan(manager, actor.organizationId, id);
        if (!plan) throw new NotFoundError('Treatment plan', id);
        if (plan.status !== 'proposed') throw new ConflictError('plan-already-booked', 'The course is already booked');
        const sessions = await planSessionRows(manager, actor.organizationId, id);
        const unplaced = sessions.filter((s) => !s.proposed_starts_at);
        if (unplaced.length > 0) {
          throw new RuleViolationError(
            'Some sessions have no slot',
            unplaced.map((s) => ({ code: 'session-without-slot', message: `Session ${s.session_number} has no free slot near its target date`, sessionNumber: s.session_number })),
          );
        }
        for (const s of sessions) {
          const appointmentId = await this.appointments.insert(
            manager,
            actor,
            {
              patientId: plan.patient_id,
              serviceId: plan.service_id,
              // Every session has its slot (checked above).
              practitionerId: s.practitioner_id as string,
              roomId: s.room_id as string,
              locationId: plan.location_id,
              startsAt: s.proposed_starts_at as Date,
            },
            attempt,
            { treatmentPlanId: id, sessionNumber: s.session_number },
          );
          await linkSessionAppointment(manager, actor.organizationId, id, s.session_number, appointmentId);
        }
        await markPlanBooked(manager, actor.organizationId, id);
        await this.audit.record(manager, actor, { action: 'treatment_plan.booked', entityType: 'treatment_plan', entityId: id, changes: { status: { from: 'proposed', to: 'booked' } } });
        return this.read(manager, actor.organizationId, id);
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<TreatmentPlanDto> {
    return this.read(this.dataSource.manager, actor.organizationId, id);
  }

  async listForPatient(actor: Actor, patientId: string): Promise<TreatmentPlanDto[]> {
    const { patientFound, plans } = await patientPlansWithSessions(this.dataSource.manager, actor.organizationId, patientId);
    if (!patientFound) throw new NotFoundError('Patient', patientId);
    return plans.map(toPlanDto);
  }

  private async read(manager: EntityManager, organizationId: string, id: string): Promise<TreatmentPlanDto> {
    const plan = await planWithSessions(manager, organizationId, id);
    if (!plan) throw new NotFoundError('Treatment plan', id);
    return toPlanDto(plan);
  }
}

function toPlanDto(plan: PlanWithSessionsRow): TreatmentPlanDto {
  const sessions = plan.session_list.map((s) => ({ ...s, starts_at: s.starts_at === null ? null : new Date(s.starts_at) }));
  const window = plan.preferred_from_minute === null || plan.preferred_to_minute === null ? null : { fromMinute: plan.preferred_from_minute, toMinute: plan.preferred_to_minute };
  const preference: SlotPreference = { window, practitionerId: plan.preferred_practitioner_id };
  const keeps = (s: { starts_at: Date | null; practitioner_id: string | null }) =>
    s.starts_at && s.practitioner_id ? slotMatchesPreference({ start: s.starts_at.getTime(), practitionerId: s.practitioner_id }, plan.timezone, preference) : { time: true, practitioner: true };
  return {
    id: plan.id,
    patientId: plan.patient_id,
    serviceId: plan.service_id,
    serviceName: plan.service_name,
    locationId: plan.location_id,
    timeZone: plan.timezone,
    practitionerId: plan.practitioner_id,
    preference: {
      timeOfDay: plan.preferred_time_of_day,
      from: window ? formatClockTime(window.fromMinute) : null,
      to: window ? formatClockTime(window.toMinute) : null,
      practitionerId: plan.preferred_practitioner_id,
      practitionerName: plan.preferred_practitioner_name,
    },
    sessions: plan.sessions,
    intervalWeeks: plan.interval_weeks,
    startOn: plan.start_on_text,
    status: plan.status,
    progress: { completed: sessions.filter((s) => s.appointment_status === 'completed').length, total: plan.sessions },
    sessionList: sessions.map((s) => ({
      sessionNumber: s.session_number,
      targetOn: s.target_on_text,
      proposedStartsAt: s.starts_at ? s.starts_at.toISOString() : null,
      practitionerId: s.practitioner_id,
      practitionerName: s.practitioner_name,
      roomId: s.room_id,
      roomName: s.room_name,
      appointmentId: s.appointment_id,
      appointmentStatus: s.appointment_status,
      keepsPreferredTime: keeps(s).time,
      keepsPreferredPractitioner: keeps(s).practitioner,
    })),
  };
}
