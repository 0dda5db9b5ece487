import { Injectable } from '@nestjs/common';
import type { OnlineBookingMode } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditSource } from '../audit/audit.service';
import { RuleViolationError } from '../common/problems/domain-error';
import { OutboxService } from '../messaging/outbox.service';
import { AppointmentBooking } from './appointment-booking';
import { CatalogService } from './catalog.service';
import {
  bookedOnline,
  bookHeldSlot,
  hadRecentClinicalContact,
  insertHold,
  lockHeldSlot,
  managedAppointment,
  releaseExpiredHolds,
  releaseHeldSlot,
  type BookedOnlineRow,
  type HeldSlotRow,
  type ManagedAppointmentRow,
} from './slot-holds.queries';

export type { ManagedAppointmentRow } from './slot-holds.queries';

const MINUTE = 60_000;

/**
 * Online holds (issue 16), scheduling's side: a held slot is an appointment row without a patient (status 'held'),
 * so the same exclusion constraints that refuse double bookings refuse a booking of a held slot, staff or online.
 * Confirming turns the row into the appointment under the booking rules of staff booking (AppointmentBooking.check,
 * with the matched patient). online-booking keeps who asked and the code; it calls these in its own transaction.
 */
@Injectable()
export class SlotHoldsService {
  constructor(
    private readonly booking: AppointmentBooking,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Holds a slot the caller has just found free (the online availability search). A concurrent hold or booking of
   * the same time makes the insert fail with 23P01 (`isDoubleBookingRefusal`), which ends the caller's transaction.
   */
  async hold(
    manager: EntityManager,
    organizationId: string,
    slot: { serviceId: string; locationId: string; practitionerId: string; roomId: string; startsAt: Date },
    expiresAt: Date,
  ): Promise<{ appointmentId: string; endsAt: Date }> {
    const service = await this.catalog.findService(manager, organizationId, slot.serviceId, 'serviceId');
    const endsAt = new Date(slot.startsAt.getTime() + service.durationMin * MINUTE);
    const occupiedUntil = new Date(endsAt.getTime() + service.bufferMin * MINUTE);
    await releaseExpiredHolds(manager, organizationId, { practitionerId: slot.practitionerId, roomId: slot.roomId, startsAt: slot.startsAt, occupiedUntil });
    const appointmentId = await insertHold(manager, { organizationId, ...slot, endsAt, occupiedUntil, expiresAt });
    return { appointmentId, endsAt };
  }

  /** The held row, locked for the caller's transaction (undefined: no online hold of that id). */
  async lockHold(manager: EntityManager, organizationId: string, appointmentId: string): Promise<HeldSlotRow | undefined> {
    return lockHeldSlot(manager, organizationId, appointmentId);
  }

  /** Frees a hold that will not be confirmed (wrong codes, a refusal): its time is free at once. */
  async release(manager: EntityManager, organizationId: string, appointmentId: string, reason: string): Promise<void> {
    await releaseHeldSlot(manager, organizationId, appointmentId, reason);
  }

  /** Who may book the service online, and its name for a refusal. */
  async onlineBookingOf(manager: EntityManager, organizationId: string, serviceId: string): Promise<{ mode: OnlineBookingMode; serviceName: string }> {
    const service = await this.catalog.findService(manager, organizationId, serviceId, 'serviceId');
    return { mode: service.onlineBooking, serviceName: service.name };
  }

  /** A completed consultation or a signed medical-needling session in the 12 months before `now`. */
  async isExistingPatient(manager: EntityManager, organizationId: string, patientId: string, now: Date): Promise<boolean> {
    const since = new Date(now);
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    return hadRecentClinicalContact(manager, organizationId, patientId, since);
  }

  /**
   * The hold becomes the patient's appointment (status booked, source online) when the booking rules allow it for
   * this patient (the medical interval, an archived record; hours and licence are checked again): otherwise 422 with
   * the rules broken, in plain words about this booking only. Audited with the public channel as the source; the
   * booking notice and reminder go through the outbox as for any booking.
   */
  async confirm(manager: EntityManager, source: AuditSource, held: HeldSlotRow, patientId: string, manageUrl?: string): Promise<BookedOnlineRow> {
    const input = {
      patientId,
      serviceId: held.service_id,
      practitionerId: held.practitioner_id,
      roomId: held.room_id,
      locationId: held.location_id,
      startsAt: new Date(held.starts_at),
      excludeAppointmentId: held.id,
    };
    const checked = await this.booking.check(manager, source.organizationId, input);
    if (checked.violations.length > 0) {
      throw new RuleViolationError(`The appointment cannot be booked: ${checked.violations.map((v) => v.message).join('; ')}`, checked.violations);
    }
    await bookHeldSlot(manager, source.organizationId, held.id, patientId);
    await this.audit.record(manager, source, {
      action: 'appointment.booked',
      entityType: 'appointment',
      entityId: held.id,
      changes: {
        patientId: { to: patientId },
        serviceId: { to: input.serviceId },
        practitionerId: { to: input.practitionerId },
        roomId: { to: input.roomId },
        locationId: { to: input.locationId },
        startsAt: { to: input.startsAt.toISOString() },
        source: { to: 'online' },
      },
    });
    await this.outbox.appointmentBooked(manager, held.id, manageUrl);
    return bookedOnline(manager, source.organizationId, held.id);
  }

  /**
   * An appointment as its patient sees it through the manage link (issue 16): times, status, service, place and
   * practitioner, in one statement; nothing of the patient's record or anyone else. Undefined: no such appointment.
   * `lock`: held for the caller's transaction (a change through the link).
   */
  async managedAppointment(manager: EntityManager, organizationId: string, id: string, lock = false): Promise<ManagedAppointmentRow | undefined> {
    return managedAppointment(manager, organizationId, id, lock);
  }
}
