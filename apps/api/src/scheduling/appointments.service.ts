import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { RenewsManageLinks, type ManageLinkRenewal } from './manage-link-renewal';
import { InjectDataSource } from '@nestjs/typeorm';
import { canTransition, isLateCancellation, isReschedulable, targetStatus, type AppointmentAction, type AppointmentStatus, type CancelledBy, type FreedSlotCause } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, type AuditSource } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { OutboxService } from '../messaging/outbox.service';
import { requestOrOwnTransaction } from '../database/request-transaction';
import { AppointmentBooking, explainDoubleBooking, type BookingAttempt, type BookingInput } from './appointment-booking';
import { readAppointment, toAppointmentDto } from './appointment-views';
import type { AppointmentDto, AppointmentListQueryDto, AppointmentPageDto, CreateAppointmentDto, PatientAppointmentsQueryDto, UpdateAppointmentDto } from './appointments.dto';
import {
  insertAppointment,
  listAppointments,
  lockAppointmentRow,
  moveAppointment,
  patientAppointmentCount,
  patientAppointmentPage,
  setAppointmentCancelled,
  setAppointmentNotes,
  setAppointmentStatus,
} from './appointments.queries';
import { CancellationSettingsService } from './cancellation-settings.service';
import { insertFreedSlot } from './waitlist.queries';
import { assertWithinDays } from './window-length';

const MAX_LIST_DAYS = 62;

/** What a booking's audit event records. */
const BOOKED_FIELDS = ['patientId', 'serviceId', 'practitionerId', 'roomId', 'locationId', 'startsAt'] as const;

/** Appointments: booking under the rules, rescheduling, the status flow, and the outbox messages each change implies. */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly booking: AppointmentBooking,
    private readonly outbox: OutboxService,
    private readonly cancellations: CancellationSettingsService,
    private readonly discovery: DiscoveryService,
  ) {}

  async list(actor: Actor, query: AppointmentListQueryDto): Promise<AppointmentDto[]> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && to <= from) throw new InvalidFieldError('to', 'must be after from');
    if (!query.patientId && (!from || !to)) throw new InvalidFieldError(from ? 'to' : 'from', 'is required unless patientId is given');
    if (from && to) assertWithinDays(from, to, MAX_LIST_DAYS);
    const rows = await listAppointments(this.dataSource.manager, actor.organizationId, {
      from,
      to,
      locationId: query.locationId,
      practitionerId: query.practitionerId,
      patientId: query.patientId,
    });
    return rows.map(toAppointmentDto);
  }

  /**
   * A patient's appointments, one page: upcoming (soonest first) or past and cancelled (latest first). Audited as a
   * read of the patient's record: the services booked name treatments (medical needling for acne scars) and
   * cancellation reasons often give health reasons, so the list is health information about one person, unlike the
   * calendar, which is the clinic's day.
   */
  async listForPatient(actor: Actor, patientId: string, query: PatientAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return requestOrOwnTransaction(this.dataSource, async (manager) => {
      // The patient check rides on the page's statement (issue 15).
      const { patientFound, rows } = await patientAppointmentPage(manager, actor.organizationId, patientId, query.scope, query.pageSize, (query.page - 1) * query.pageSize);
      if (!patientFound) throw new NotFoundError('Patient', patientId);
      const total = rows.length > 0 ? Number(rows[0].total) : query.page === 1 ? 0 : await patientAppointmentCount(manager, actor.organizationId, patientId, query.scope);
      await this.audit.recordPatientRead(manager, actor, patientId, 'appointments.listed', {
        scope: { to: query.scope },
        page: { to: query.page },
        appointmentIds: { to: rows.map((r) => r.id) },
      });
      return { items: rows.map(toAppointmentDto), total, page: query.page, pageSize: query.pageSize };
    });
  }

  async get(actor: Actor, id: string): Promise<AppointmentDto> {
    const dto = await readAppointment(this.dataSource.manager, actor.organizationId, id);
    if (!dto) throw new NotFoundError('Appointment', id);
    return dto;
  }

  async create(actor: Actor, input: CreateAppointmentDto): Promise<AppointmentDto> {
    const attempt: { current?: BookingAttempt } = {};
    return explainDoubleBooking(this.dataSource, actor.organizationId, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const id = await this.insert(manager, actor, { ...input, startsAt: new Date(input.startsAt) }, attempt, { notes: input.notes });
        return (await readAppointment(manager, actor.organizationId, id)) as AppointmentDto;
      }),
    );
  }

  /** Books one appointment in the caller's transaction (also used by course booking); throws 422 on broken rules. */
  async insert(
    manager: EntityManager,
    actor: Actor,
    input: BookingInput,
    attempt: { current?: BookingAttempt },
    extra: { notes?: string; treatmentPlanId?: string; sessionNumber?: number } = {},
  ): Promise<string> {
    const checked = await this.booking.check(manager, actor.organizationId, input);
    if (checked.violations.length > 0) {
      const prefix = extra.sessionNumber ? `Session ${extra.sessionNumber}: ` : '';
      throw new RuleViolationError(
        `${prefix}${prefix ? 'the' : 'The'} appointment cannot be booked: ${checked.violations.map((v) => v.message).join('; ')}`,
        checked.violations.map((v) => (extra.sessionNumber ? { ...v, sessionNumber: extra.sessionNumber } : v)),
      );
    }
    attempt.current = { practitionerId: input.practitionerId, roomId: input.roomId, startsAt: checked.startsAt, occupiedUntil: checked.occupiedUntil, sessionNumber: extra.sessionNumber, patientId: input.patientId };
    const id = await insertAppointment(manager, {
      organizationId: actor.organizationId,
      locationId: input.locationId,
      patientId: input.patientId,
      serviceId: input.serviceId,
      practitionerId: input.practitionerId,
      roomId: input.roomId,
      startsAt: checked.startsAt,
      endsAt: checked.endsAt,
      occupiedUntil: checked.occupiedUntil,
      notes: extra.notes?.trim() ?? '',
      treatmentPlanId: extra.treatmentPlanId ?? null,
      planSessionNumber: extra.sessionNumber ?? null,
      createdBy: actor.staffMemberId,
    });
    await this.audit.record(manager, actor, {
      action: 'appointment.booked',
      entityType: 'appointment',
      entityId: id,
      changes: createdFields({ ...input, startsAt: checked.startsAt.toISOString() }, BOOKED_FIELDS),
    });
    await this.outbox.appointmentBooked(manager, id);
    return id;
  }

  async update(actor: Actor, id: string, input: UpdateAppointmentDto): Promise<AppointmentDto> {
    const attempt: { current?: BookingAttempt } = {};
    return explainDoubleBooking(this.dataSource, actor.organizationId, attempt, () => this.dataSource.transaction((manager) => this.updateWithin(manager, actor, id, input, attempt)));
  }

  /**
   * A change of time, place, practitioner, room, service or notes inside the caller's transaction (the manage link's
   * reschedule runs it after its token set the tenant): the booking rules, the audit event, the freed slot for the
   * waitlist and the patient's notices, as for staff. A double booking fails the statement with 23P01 (`attempt`
   * names what was tried, for explainDoubleBooking or the caller's own answer). `manageUrl`: the patient's manage
   * link, for the rewritten notice and reminder.
   */
  async updateWithin(
    manager: EntityManager,
    actor: AuditSource,
    id: string,
    input: UpdateAppointmentDto,
    attempt: { current?: BookingAttempt },
    manageUrl?: string,
  ): Promise<AppointmentDto> {
    const before = await this.lock(manager, actor, id);
    const moves = ['startsAt', 'practitionerId', 'roomId', 'serviceId', 'locationId'] as const;
    const changing = moves.filter((k) => input[k] !== undefined && (k === 'startsAt' ? new Date(input.startsAt as string).toISOString() !== before.startsAt : input[k] !== before[k]));
    if (changing.length > 0 && !isReschedulable(before.status)) {
      throw new ConflictError('not-reschedulable', `A ${before.status.replace('_', ' ')} appointment can no longer be moved`, { appointmentStatus: before.status });
    }
    if (changing.length > 0) {
      const next: BookingInput = {
        patientId: before.patientId,
        serviceId: input.serviceId ?? before.serviceId,
        practitionerId: input.practitionerId ?? before.practitionerId,
        roomId: input.roomId ?? before.roomId,
        locationId: input.locationId ?? before.locationId,
        startsAt: new Date(input.startsAt ?? before.startsAt),
        excludeAppointmentId: id,
      };
      const checked = await this.booking.check(manager, actor.organizationId, next);
      if (checked.violations.length > 0) {
        throw new RuleViolationError(`The appointment cannot move there: ${checked.violations.map((v) => v.message).join('; ')}`, checked.violations);
      }
      attempt.current = { practitionerId: next.practitionerId, roomId: next.roomId, startsAt: checked.startsAt, occupiedUntil: checked.occupiedUntil, excludeAppointmentId: id, patientId: next.patientId };
      await moveAppointment(manager, actor.organizationId, id, {
        serviceId: next.serviceId,
        practitionerId: next.practitionerId,
        roomId: next.roomId,
        locationId: next.locationId,
        startsAt: checked.startsAt,
        endsAt: checked.endsAt,
        occupiedUntil: checked.occupiedUntil,
      });
    }
    if (input.notes !== undefined) {
      await setAppointmentNotes(manager, actor.organizationId, id, input.notes.trim());
    }
    const after = (await readAppointment(manager, actor.organizationId, id)) as AppointmentDto;
    const changes = Object.fromEntries(
      (['startsAt', 'practitionerId', 'roomId', 'serviceId', 'locationId', 'notes'] as const).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (Object.keys(changes).length > 0) {
      await this.audit.record(manager, actor, { action: changing.length ? 'appointment.rescheduled' : 'appointment.updated', entityType: 'appointment', entityId: id, changes });
    }
    // The old time is free for the waitlist when the practitioner, room or time changed.
    if (before.startsAt !== after.startsAt || before.practitionerId !== after.practitionerId || before.roomId !== after.roomId) {
      await this.recordFreedSlot(manager, actor, before, 'rescheduled');
    }
    // The patient hears of a new time, place or service; reminders are rewritten for it.
    if (before.startsAt !== after.startsAt || before.locationId !== after.locationId || before.serviceId !== after.serviceId) {
      await this.outbox.appointmentRescheduled(manager, id, manageUrl ?? (await this.renewedManageUrl(manager, actor.organizationId, id, new Date(after.endsAt))));
    }
    return after;
  }

  /** A staff move of an appointment managed online: a new link for the rewritten notice and reminders (or none). */
  private async renewedManageUrl(manager: EntityManager, organizationId: string, appointmentId: string, endsAt: Date): Promise<string | undefined> {
    const [renewal] = this.discovery.getProviders({ metadataKey: RenewsManageLinks.KEY }).map((wrapper) => wrapper.instance as ManageLinkRenewal);
    return (await renewal?.renew(manager, organizationId, appointmentId, endsAt)) ?? undefined;
  }

  async transition(actor: Actor, id: string, action: AppointmentAction, reason?: string, cancelledBy: CancelledBy = 'patient'): Promise<AppointmentDto> {
    return this.dataSource.transaction((manager) => this.transitionWithin(manager, actor, id, action, reason, cancelledBy));
  }

  /**
   * One step of the status flow inside the caller's transaction (a treatment session starts and completes its
   * appointment). A cancellation records who asked for it and whether it came inside the clinic's late-cancellation
   * window; a cancellation or no-show gives its time to the waitlist; the patient hears of a confirmation,
   * cancellation or no-show through the outbox.
   */
  async transitionWithin(
    manager: EntityManager,
    actor: AuditSource,
    id: string,
    action: AppointmentAction,
    reason?: string,
    cancelledBy: CancelledBy = 'patient',
  ): Promise<AppointmentDto> {
    if (action === 'cancel' && !reason?.trim()) throw new InvalidFieldError('reason', 'a cancellation needs a reason');
    const before = await this.lock(manager, actor, id);
    const to: AppointmentStatus = targetStatus(action);
    if (!canTransition(before.status, to)) {
      throw new ConflictError('illegal-transition', `A ${before.status.replace('_', ' ')} appointment cannot become ${to.replace('_', ' ')}`, { from: before.status, to });
    }
    let changes: Record<string, { from?: unknown; to: unknown }> = { status: { from: before.status, to } };
    if (to === 'cancelled') {
      const windowHours = await this.cancellations.windowHours(manager, actor.organizationId);
      const late = isLateCancellation({ startsAt: new Date(before.startsAt), cancelledAt: new Date(), windowHours, cancelledBy });
      const trimmed = (reason as string).trim();
      await setAppointmentCancelled(manager, actor.organizationId, id, { reason: trimmed, cancelledBy, late });
      changes = { ...changes, cancelReason: { to: trimmed }, cancelledBy: { to: cancelledBy }, lateCancellation: { to: late }, ...(late ? { lateCancellationHours: { to: windowHours } } : {}) };
    } else {
      await setAppointmentStatus(manager, actor.organizationId, id, to, before.cancelReason);
    }
    await this.audit.record(manager, actor, { action: `appointment.${to}`, entityType: 'appointment', entityId: id, changes });
    if (to === 'cancelled' || to === 'no_show') await this.recordFreedSlot(manager, actor, before, to === 'cancelled' ? 'cancelled' : 'no_show');
    if (to === 'cancelled') await this.outbox.appointmentCancelled(manager, id);
    if (to === 'confirmed') await this.outbox.appointmentConfirmed(manager, id);
    if (to === 'no_show') await this.outbox.appointmentMissed(manager, id);
    return (await readAppointment(manager, actor.organizationId, id)) as AppointmentDto;
  }

  /** The time an appointment held (incl. its buffer) is free again: kept for the waitlist while it is still to come. */
  private async recordFreedSlot(manager: EntityManager, actor: AuditSource, held: AppointmentDto, cause: FreedSlotCause): Promise<void> {
    if (new Date(held.occupiedUntil).getTime() <= Date.now()) return;
    await insertFreedSlot(manager, {
      organizationId: actor.organizationId,
      appointmentId: held.id,
      cause,
      locationId: held.locationId,
      practitionerId: held.practitionerId,
      roomId: held.roomId,
      startsAt: new Date(held.startsAt),
      endsAt: new Date(held.occupiedUntil),
      createdBy: actor.staffMemberId,
    });
  }

  /**
   * Holds the appointment for the rest of the caller's transaction, so its status cannot change under a treatment
   * starting from it (a cancellation waits; a second start sees the first's session). False when there is none.
   * Treatments reads the rest through the appointment_treatment_context view.
   */
  async holdForTreatment(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    return lockAppointmentRow(manager, organizationId, id);
  }

  private async lock(manager: EntityManager, actor: AuditSource, id: string): Promise<AppointmentDto> {
    if (!(await lockAppointmentRow(manager, actor.organizationId, id))) throw new NotFoundError('Appointment', id);
    return (await readAppointment(manager, actor.organizationId, id)) as AppointmentDto;
  }
}
