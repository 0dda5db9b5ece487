import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, instantToLocal, localTimeToInstant, nearestSlot } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { findPatient } from '../patients/patient-records';
import { explainDoubleBooking, type BookingAttempt } from './appointment-booking';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability.service';
import { CatalogService } from './catalog.service';
import type { CreateTreatmentPlanDto, TreatmentPlanDto } from './treatment-plans.dto';

interface SessionRow {
  session_number: number;
  target_on_text: string;
  starts_at: Date | null;
  practitioner_id: string | null;
  practitioner_name: string | null;
  room_id: string | null;
  room_name: string | null;
  appointment_id: string | null;
  appointment_status: string | null;
}

/** How far around a session's target date the nearest free slot is looked for. */
const SEARCH_DAYS_AROUND = 7;

/**
 * Treatment courses (domain.md section 3): sessions every N weeks from a start date; each gets the nearest free slot
 * to its target date, and booking the plan books every session or none.
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
    if (service.procedureKind === 'medical_needling' && input.intervalWeeks * 7 < service.minDaysSincePreviousMedical) {
      throw new RuleViolationError('The course breaks the medical interval', [
        { code: 'course-interval-too-short', message: `Medical needling needs at least ${service.minDaysSincePreviousMedical} days between sessions; ${input.intervalWeeks} weeks is ${input.intervalWeeks * 7}` },
      ]);
    }
    const [location] = await this.dataSource.query(`SELECT timezone FROM locations WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.locationId]);
    if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
    const [patient] = await this.dataSource.query(`SELECT 1 FROM patients WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.patientId]);
    if (!patient) throw new InvalidFieldError('patientId', 'no such patient in this organization');
    if (input.practitionerId) {
      const [p] = await this.dataSource.query(`SELECT 1 FROM staff_members WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.practitionerId]);
      if (!p) throw new InvalidFieldError('practitionerId', 'no such staff member in this organization');
    }
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
      const slot = nearestSlot(slots, targetOn, timeZone, notBefore);
      proposals.push({ targetOn, slot });
      if (slot) {
        taken.push({ practitionerId: slot.practitionerId, roomId: slot.roomId, start: slot.start, end: slot.start + occupiedMs });
        // The next session keeps the medical minimum interval after this one (on the local calendar).
        if (service.procedureKind === 'medical_needling') {
          notBefore = localTimeToInstant(addDays(instantToLocal(slot.start, timeZone).date, service.minDaysSincePreviousMedical), 0, timeZone).getTime();
        } else notBefore = slot.start + occupiedMs;
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const [plan] = await manager.query(
        `INSERT INTO treatment_plans (organization_id, patient_id, service_id, location_id, practitioner_id, sessions, interval_weeks, start_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [actor.organizationId, input.patientId, input.serviceId, input.locationId, input.practitionerId ?? null, input.sessions, input.intervalWeeks, input.startOn, actor.staffMemberId],
      );
      for (const [i, p] of proposals.entries()) {
        await manager.query(
          `INSERT INTO treatment_plan_sessions (organization_id, plan_id, session_number, target_on, proposed_starts_at, practitioner_id, room_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [actor.organizationId, plan.id, i + 1, p.targetOn, p.slot ? new Date(p.slot.start) : null, p.slot?.practitionerId ?? null, p.slot?.roomId ?? null],
        );
      }
      await this.audit.record(manager, actor, {
        action: 'treatment_plan.proposed',
        entityType: 'treatment_plan',
        entityId: plan.id,
        changes: { patientId: { to: input.patientId }, serviceId: { to: input.serviceId }, sessions: { to: input.sessions }, intervalWeeks: { to: input.intervalWeeks }, startOn: { to: input.startOn } },
      });
      return this.read(manager, actor.organizationId, plan.id);
    });
  }

  async book(actor: Actor, id: string): Promise<TreatmentPlanDto> {
    const attempt: { current?: BookingAttempt } = {};
    return explainDoubleBooking(this.dataSource, actor.organizationId, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const [plan] = await manager.query(`SELECT * FROM treatment_plans WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [actor.organizationId, id]);
        if (!plan) throw new NotFoundError('Treatment plan', id);
        if (plan.status !== 'proposed') throw new ConflictError('plan-already-booked', 'The course is already booked');
        const sessions = await manager.query(`SELECT * FROM treatment_plan_sessions WHERE plan_id = $1 ORDER BY session_number`, [id]);
        const unplaced = sessions.filter((s: { proposed_starts_at: Date | null }) => !s.proposed_starts_at);
        if (unplaced.length > 0) {
          throw new RuleViolationError(
            'Some sessions have no slot',
            unplaced.map((s: { session_number: number; target_on: Date }) => ({ code: 'session-without-slot', message: `Session ${s.session_number} has no free slot near its target date`, sessionNumber: s.session_number })),
          );
        }
        for (const s of sessions) {
          const appointmentId = await this.appointments.insert(
            manager,
            actor,
            { patientId: plan.patient_id, serviceId: plan.service_id, practitionerId: s.practitioner_id, roomId: s.room_id, locationId: plan.location_id, startsAt: s.proposed_starts_at },
            attempt,
            { treatmentPlanId: id, sessionNumber: s.session_number },
          );
          await manager.query(`UPDATE treatment_plan_sessions SET appointment_id = $3 WHERE plan_id = $1 AND session_number = $2`, [id, s.session_number, appointmentId]);
        }
        await manager.query(`UPDATE treatment_plans SET status = 'booked', booked_at = now() WHERE id = $1`, [id]);
        await this.audit.record(manager, actor, { action: 'treatment_plan.booked', entityType: 'treatment_plan', entityId: id, changes: { status: { from: 'proposed', to: 'booked' } } });
        return this.read(manager, actor.organizationId, id);
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<TreatmentPlanDto> {
    return this.read(this.dataSource.manager, actor.organizationId, id);
  }

  async listForPatient(actor: Actor, patientId: string): Promise<TreatmentPlanDto[]> {
    await findPatient(this.dataSource.manager, actor, patientId);
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM treatment_plans WHERE organization_id = $1 AND patient_id = $2 ORDER BY created_at DESC, id`, [
      actor.organizationId,
      patientId,
    ]);
    return Promise.all(rows.map((r) => this.read(this.dataSource.manager, actor.organizationId, r.id)));
  }

  private async read(manager: EntityManager, organizationId: string, id: string): Promise<TreatmentPlanDto> {
    const [plan] = await manager.query(
      `SELECT t.*, to_char(t.start_on, 'YYYY-MM-DD') AS start_on_text, s.name AS service_name, l.timezone
       FROM treatment_plans t JOIN services s ON s.id = t.service_id JOIN locations l ON l.id = t.location_id
       WHERE t.organization_id = $1 AND t.id = $2`,
      [organizationId, id],
    );
    if (!plan) throw new NotFoundError('Treatment plan', id);
    const sessions = await manager.query(
      `SELECT ps.*, to_char(ps.target_on, 'YYYY-MM-DD') AS target_on_text, st.name AS practitioner_name, r.name AS room_name, a.status AS appointment_status,
              coalesce(a.starts_at, ps.proposed_starts_at) AS starts_at
       FROM treatment_plan_sessions ps LEFT JOIN staff_members st ON st.id = ps.practitioner_id
       LEFT JOIN appointments a ON a.id = ps.appointment_id LEFT JOIN rooms r ON r.id = ps.room_id
       WHERE ps.plan_id = $1 ORDER BY ps.session_number`,
      [id],
    );
    return {
      id: plan.id,
      patientId: plan.patient_id,
      serviceId: plan.service_id,
      serviceName: plan.service_name,
      locationId: plan.location_id,
      timeZone: plan.timezone,
      practitionerId: plan.practitioner_id,
      sessions: plan.sessions,
      intervalWeeks: plan.interval_weeks,
      startOn: plan.start_on_text,
      status: plan.status,
      progress: { completed: sessions.filter((s: { appointment_status: string }) => s.appointment_status === 'completed').length, total: plan.sessions },
      sessionList: sessions.map((s: SessionRow) => ({
        sessionNumber: s.session_number,
        targetOn: s.target_on_text,
        proposedStartsAt: s.starts_at ? s.starts_at.toISOString() : null,
        practitionerId: s.practitioner_id,
        practitionerName: s.practitioner_name,
        roomId: s.room_id,
        roomName: s.room_name,
        appointmentId: s.appointment_id,
        appointmentStatus: s.appointment_status,
      })),
    };
  }
}
