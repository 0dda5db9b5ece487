import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isReschedulable, onlineBookingWindow, type AppointmentStatus, type OnlineBookingSettings } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditSource } from '../audit/audit.service';
import type { RequestOrigin } from '../common/access/actor';
import { formatPhoneNational } from '../common/phone/phone-numbers';
import { ConflictError, NotFoundError } from '../common/problems/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDoubleBookingRefusal, type BookingAttempt } from '../scheduling/appointment-booking';
import { AppointmentsService } from '../scheduling/appointments.service';
import { AvailabilityService } from '../scheduling/availability.service';
import { SlotHoldsService, type ManagedAppointmentRow } from '../scheduling/slot-holds.service';
import { PreVisitConsentsService } from '../consents/pre-visit-consents.service';
import { manageKeyHash, manageUrl } from './manage-link';
import { prepareVisitForms } from './prepare-visit-forms';
import { ManageLinkLimiter } from './manage-link-limiter';
import { resolveManageLink } from './online-booking-holds.queries';
import { effectiveOnlineBookingSettings } from './online-booking-settings.service';
import type {
  CancelPublicAppointmentDto,
  ManageAvailabilityQueryDto,
  PublicAvailabilityDto,
  PublicManagedAppointmentDto,
  ReschedulePublicAppointmentDto,
} from './public-booking.dto';

const HOUR = 3_600_000;
/** How far after the asked start the slot search reads (as for a hold). */
const SLOT_SEARCH_MS = 24 * HOUR;

/** What the key resolved to, inside the transaction it scoped to the clinic. */
interface Managed {
  source: AuditSource;
  clinicName: string;
  settings: OnlineBookingSettings;
  appointment: ManagedAppointmentRow;
}

/**
 * The manage link (issue 16): the patient sees, confirms, cancels or moves her appointment with the key e-mailed at
 * confirmation, without a session. The key resolves (SECURITY DEFINER, by its hash) to the appointment and sets the
 * tenant; every change then goes through scheduling's own services (the status flow, the booking rules, the audit
 * event with the public channel as the source, the waitlist's freed slot, the outbox notices), exactly as a staff
 * change would. Changes are refused inside the clinic's online cancellationWindowHours: the patient is told to call.
 */
@Injectable()
export class PublicAppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly holds: SlotHoldsService,
    private readonly appointments: AppointmentsService,
    private readonly engine: AvailabilityService,
    private readonly limiter: ManageLinkLimiter,
    private readonly forms: PreVisitConsentsService,
  ) {}

  /** A read of her own appointment by its patient: not audited (like the booking page's reads); nothing is changed. */
  async view(key: string, origin: RequestOrigin, now = Date.now()): Promise<PublicManagedAppointmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const managed = await this.resolve(manager, key, origin, false);
      return toDto(managed, managed.appointment, now);
    });
  }

  /**
   * The free starts the appointment may move to: its service and location, with its practitioner, within the clinic's
   * online window; its own time does not block them (the engine leaves the appointment out). Empty when it can no
   * longer be moved online. A read: not audited, not counted against the link's changes.
   */
  async availability(key: string, query: ManageAvailabilityQueryDto, origin: RequestOrigin, now = Date.now()): Promise<PublicAvailabilityDto> {
    return this.dataSource.transaction(async (manager) => {
      const managed = await this.resolve(manager, key, origin, false);
      const a = managed.appointment;
      const settings = managed.settings;
      if (!toDto(managed, a, now).canReschedule) return { timeZone: a.timezone, slots: [] };
      // Her practitioner, unless the clinic has since taken them off online booking: then anyone who gives it there.
      const practitionerId = settings.excludedPractitionerIds.includes(a.practitioner_id) ? undefined : a.practitioner_id;
      const { timeZone, slots } = await this.engine.findOnline(
        manager,
        managed.source.organizationId,
        { serviceId: a.service_id, locationId: a.location_id, practitionerId, from: query.from, to: query.to, excludeAppointmentId: a.id },
        { window: (from, to) => onlineBookingWindow(settings, { from: from.getTime(), to: to.getTime() }, now), excludedPractitionerIds: settings.excludedPractitionerIds },
      );
      return { timeZone, slots: slots.map((s) => ({ startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(), practitionerId: s.practitionerId })) };
    });
  }

  /** The patient confirms she is coming (status confirmed, the clinic's confirmation notice); again: no change. */
  async confirm(key: string, origin: RequestOrigin, now = Date.now()): Promise<PublicManagedAppointmentDto> {
    this.limiter.take(manageKeyHash(key).toString('hex'), now);
    return this.dataSource.transaction(async (manager) => {
      const managed = await this.resolve(manager, key, origin);
      if (managed.appointment.status === 'confirmed') return toDto(managed, managed.appointment, now);
      await this.appointments.transitionWithin(manager, managed.source, managed.appointment.id, 'confirm');
      return this.reread(manager, managed, now);
    });
  }

  /**
   * Cancelled by the patient, outside the window, through the status flow (her reason kept after "Cancelled online
   * by the patient"; the late-cancellation record, the freed slot and the notice as for any cancellation). Again: no change.
   */
  async cancel(key: string, input: CancelPublicAppointmentDto, origin: RequestOrigin, now = Date.now()): Promise<PublicManagedAppointmentDto> {
    this.limiter.take(manageKeyHash(key).toString('hex'), now);
    return this.dataSource.transaction(async (manager) => {
      const managed = await this.resolve(manager, key, origin);
      if (managed.appointment.status === 'cancelled') return toDto(managed, managed.appointment, now);
      refuseInsideWindow(managed, 'cancelled', now);
      const why = input.reason?.trim();
      const reason = why ? `Cancelled online by the patient: ${why}` : 'Cancelled online by the patient';
      await this.appointments.transitionWithin(manager, managed.source, managed.appointment.id, 'cancel', reason, 'patient');
      return this.reread(manager, managed, now);
    });
  }

  /**
   * Moves the appointment to a start the public availability offers for its service and location (the same engine,
   * online window and excluded practitioners as booking; its own time does not block it), then through scheduling's
   * update in the same transaction: the booking rules again, the audit event, the freed slot, the notice and a new
   * reminder carrying this link. A concurrent booking of the same time loses to the exclusion constraint: 409.
   */
  async reschedule(key: string, input: ReschedulePublicAppointmentDto, origin: RequestOrigin, now = Date.now()): Promise<PublicManagedAppointmentDto> {
    this.limiter.take(manageKeyHash(key).toString('hex'), now);
    const startsAt = new Date(input.startsAt);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const managed = await this.resolve(manager, key, origin);
        const a = managed.appointment;
        if (!isReschedulable(a.status as AppointmentStatus)) {
          throw new ConflictError('not-reschedulable', `A ${a.status.replace('_', ' ')} appointment can no longer be moved`, { appointmentStatus: a.status });
        }
        refuseInsideWindow(managed, 'moved', now);
        // Asked for the time it already has: nothing to move.
        if (startsAt.getTime() === a.starts_at.getTime() && (!input.practitionerId || input.practitionerId === a.practitioner_id)) return toDto(managed, a, now);
        const settings = managed.settings;
        const { slots } = await this.engine.findOnline(
          manager,
          managed.source.organizationId,
          {
            serviceId: a.service_id,
            locationId: a.location_id,
            practitionerId: input.practitionerId,
            from: startsAt.toISOString(),
            to: new Date(startsAt.getTime() + SLOT_SEARCH_MS).toISOString(),
            excludeAppointmentId: a.id,
          },
          { window: (from, to) => onlineBookingWindow(settings, { from: from.getTime(), to: to.getTime() }, now), excludedPractitionerIds: settings.excludedPractitionerIds },
        );
        const offered = slots.filter((s) => s.start === startsAt.getTime() && (!input.practitionerId || s.practitionerId === input.practitionerId));
        // The same practitioner when she is free then; else whoever the page offered at that time.
        const slot = offered.find((s) => s.practitionerId === a.practitioner_id) ?? offered[0];
        if (!settings.enabled || !slot) throw slotTaken(startsAt);
        const attempt: { current?: BookingAttempt } = {};
        await this.appointments.updateWithin(
          manager,
          managed.source,
          a.id,
          { startsAt: startsAt.toISOString(), practitionerId: slot.practitionerId, roomId: slot.roomId },
          attempt,
          manageUrl(this.config.publicUrl, key),
        );
        // Moved to another practitioner: the pre-visit forms must name the new one.
        if (slot.practitionerId !== a.practitioner_id) await prepareVisitForms(manager, this.forms, managed.source, a.id);
        return this.reread(manager, managed, now);
      });
    } catch (error) {
      // Someone else took the time between the search and the move (the exclusion constraint said so).
      if (isDoubleBookingRefusal(error)) throw slotTaken(startsAt);
      throw error;
    }
  }

  /**
   * Unknown, ended and malformed keys answer alike (404, nothing more); the key is hashed and looked up every time.
   * A change locks the appointment first, so a repeated confirm or cancel racing the first sees its result.
   */
  private async resolve(manager: EntityManager, key: string, origin: RequestOrigin, forChange = true): Promise<Managed> {
    const link = await resolveManageLink(manager, manageKeyHash(key));
    const appointment = link && (await this.holds.managedAppointment(manager, link.organization_id, link.appointment_id, forChange));
    if (!link || !appointment || !appointment.has_patient) throw new NotFoundError('Appointment');
    return {
      source: { ...origin, organizationId: link.organization_id, staffMemberId: null },
      clinicName: link.name,
      settings: effectiveOnlineBookingSettings(link.online_booking as Partial<OnlineBookingSettings> | null),
      appointment,
    };
  }

  private async reread(manager: EntityManager, managed: Managed, now: number): Promise<PublicManagedAppointmentDto> {
    const appointment = (await this.holds.managedAppointment(manager, managed.source.organizationId, managed.appointment.id)) as ManagedAppointmentRow;
    return toDto(managed, appointment, now);
  }
}

/** Inside the window before the start, only the clinic changes the appointment: the patient is told to call, with the number. */
function refuseInsideWindow(managed: Managed, change: 'cancelled' | 'moved', now: number): void {
  const hours = managed.settings.cancellationWindowHours;
  if (!insideWindow(managed.appointment, hours, now)) return;
  const a = managed.appointment;
  const phone = a.location_phone ? formatPhoneNational(a.location_phone, a.location_country) : '';
  const call = phone ? `please call ${a.location_name} on ${phone}` : `please call ${a.location_name}`;
  throw new ConflictError('inside-cancellation-window', `Your appointment starts in less than ${hours} hours, so it can no longer be ${change} online: ${call}.`, {
    cancellationWindowHours: hours,
    ...(phone ? { phone } : {}),
  });
}

function insideWindow(a: ManagedAppointmentRow, hours: number, now: number): boolean {
  return a.starts_at.getTime() - now < hours * HOUR;
}

function toDto(managed: Managed, a: ManagedAppointmentRow, now: number): PublicManagedAppointmentDto {
  const settings = managed.settings;
  const changeable = isReschedulable(a.status as AppointmentStatus) && !insideWindow(a, settings.cancellationWindowHours, now);
  return {
    id: a.id,
    status: a.status as AppointmentStatus,
    startsAt: a.starts_at.toISOString(),
    endsAt: a.ends_at.toISOString(),
    timeZone: a.timezone,
    serviceName: a.service_name,
    locationName: a.location_name,
    locationAddress: a.location_address,
    practitionerName: a.practitioner_name,
    practitionerId: a.practitioner_id,
    organizationName: managed.clinicName,
    locationPhone: a.location_phone ?? '',
    canCancel: changeable,
    canReschedule: changeable && settings.enabled,
    cancellationWindowHours: settings.cancellationWindowHours,
    policyText: settings.policyText,
    brandColor: settings.brandColor,
  };
}

function slotTaken(startsAt: Date): ConflictError {
  return new ConflictError('slot-taken', 'That time is not free for online booking: choose another time', { startsAt: startsAt.toISOString() });
}
