import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { onlineBookingWindow } from '@skinledger/domain';
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditSource } from '../audit/audit.service';
import type { RequestOrigin } from '../common/access/actor';
import { requirePhoneNumber } from '../common/phone/phone-numbers';
import { ConflictError, DomainError, GoneError, InvalidFieldError, NotFoundError, RuleViolationError, TooManyRequestsError } from '../common/problems/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxService } from '../messaging/outbox.service';
import { OrganizationsService, type PublicBookingClinic } from '../organizations/organizations.service';
import { PreVisitConsentsService } from '../consents/pre-visit-consents.service';
import { PatientsService } from '../patients/patients.service';
import { isDoubleBookingRefusal } from '../scheduling/appointment-booking';
import { AvailabilityService } from '../scheduling/availability.service';
import { SlotHoldsService } from '../scheduling/slot-holds.service';
import {
  endOnlineHold,
  insertManageToken,
  insertOnlineHold,
  locationCountry,
  lockAndCountHoldsByEmail,
  lockOnlineHold,
  recordWrongCode,
  type OnlineHoldRow,
} from './online-booking-holds.queries';
import { effectiveOnlineBookingSettings } from './online-booking-settings.service';
import { manageKeyHash, manageUrl } from './manage-link';
import type { ConfirmPublicHoldDto, CreatePublicHoldDto, PublicBookingConfirmationDto, PublicHoldDto } from './public-booking.dto';

/** How long a slot stays held for the code to be entered. */
export const HOLD_MINUTES = 10;
/** Holds one e-mail address may take per hour at one clinic (issue 16). */
export const HOLDS_PER_EMAIL_PER_HOUR = 5;
/** Wrong codes that end a hold. */
export const WRONG_CODES_ALLOWED = 5;
const HOUR = 3_600_000;
/** How far after the asked start the slot search reads, so an appointment later in the slot's own time is seen. */
const SLOT_SEARCH_MS = 24 * HOUR;

/** What a confirmation's transaction decided: the booking, or a refusal that must be kept (tries counted, hold ended). */
type Outcome = { booked: PublicBookingConfirmationDto } | { refuse: Error };

/**
 * Holds and their confirmation (issue 16): a patient without an account holds a free start for ten minutes, proves
 * her e-mail with a 6-digit code, and the hold becomes her appointment. The slot itself is scheduling's (an
 * appointment row with status 'held', under the no-double-booking constraints); this module keeps who asked, the
 * code's hash, the wrong tries and the manage link's hashed key. Every step is audited with the public channel as
 * the source (no staff member); every e-mail goes through the outbox.
 */
@Injectable()
export class PublicHoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly engine: AvailabilityService,
    private readonly holds: SlotHoldsService,
    private readonly patients: PatientsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly forms: PreVisitConsentsService,
  ) {}

  async hold(slug: string, input: CreatePublicHoldDto, origin: RequestOrigin, now = Date.now()): Promise<PublicHoldDto> {
    const startsAt = new Date(input.startsAt);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const clinic = await this.clinic(manager, slug);
        const source: AuditSource = { ...origin, organizationId: clinic.organizationId, staffMemberId: null };
        const email = input.patient.email;
        const recent = await lockAndCountHoldsByEmail(manager, clinic.organizationId, email, new Date(now - HOUR));
        if (recent.count >= HOLDS_PER_EMAIL_PER_HOUR) {
          const retryAfterSeconds = Math.max(1, Math.ceil(((recent.oldest?.getTime() ?? now) + HOUR - now) / 1000));
          throw new TooManyRequestsError(`At most ${HOLDS_PER_EMAIL_PER_HOUR} bookings may be started per e-mail address in an hour: try again later`, retryAfterSeconds);
        }
        const settings = effectiveOnlineBookingSettings(clinic.onlineBooking);
        // The same engine and rules as the public availability: the service open online, the practitioner eligible and
        // not excluded, inside the online window, the licence rule; a start it does not offer cannot be held.
        const { slots } = await this.engine.findOnline(
          manager,
          clinic.organizationId,
          { serviceId: input.serviceId, locationId: input.locationId, practitionerId: input.practitionerId, from: startsAt.toISOString(), to: new Date(startsAt.getTime() + SLOT_SEARCH_MS).toISOString() },
          { window: (from, to) => onlineBookingWindow(settings, { from: from.getTime(), to: to.getTime() }, now), excludedPractitionerIds: settings.excludedPractitionerIds },
        );
        const slot = slots.find((s) => s.start === startsAt.getTime() && (!input.practitionerId || s.practitionerId === input.practitionerId));
        if (!slot) throw slotTaken(input);
        const country = (await locationCountry(manager, clinic.organizationId, input.locationId)) as string;
        const phone = requirePhoneNumber('patient.phone', input.patient.phone, country) as string;
        const expiresAt = new Date(now + HOLD_MINUTES * 60_000);
        const { appointmentId } = await this.holds.hold(
          manager,
          clinic.organizationId,
          { serviceId: input.serviceId, locationId: input.locationId, practitionerId: slot.practitionerId, roomId: slot.roomId, startsAt },
          expiresAt,
        );
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const holdId = randomUUID();
        await insertOnlineHold(manager, {
          id: holdId,
          organizationId: clinic.organizationId,
          appointmentId,
          firstName: input.patient.firstName.trim(),
          lastName: input.patient.lastName.trim(),
          dateOfBirth: input.patient.dateOfBirth,
          email,
          phone,
          // The hash binds the code to its hold (the hold's id is its salt); the code itself is kept nowhere but the e-mail.
          codeHash: codeHash(holdId, code),
          expiresAt,
        });
        await this.outbox.bookingCode(manager, {
          organizationId: clinic.organizationId,
          appointmentId,
          startsAt,
          recipient: email,
          firstName: input.patient.firstName.trim(),
          clinicName: clinic.name,
          code,
          validMinutes: HOLD_MINUTES,
        });
        await this.audit.record(manager, source, {
          action: 'online_booking.hold_placed',
          entityType: 'appointment',
          entityId: appointmentId,
          changes: {
            holdId: { to: holdId },
            serviceId: { to: input.serviceId },
            locationId: { to: input.locationId },
            practitionerId: { to: slot.practitionerId },
            startsAt: { to: startsAt.toISOString() },
            expiresAt: { to: expiresAt.toISOString() },
          },
        });
        return { holdId, expiresAt: expiresAt.toISOString() };
      });
    } catch (error) {
      // Another hold or booking took the time between the search and the insert (the exclusion constraint said so).
      if (isDoubleBookingRefusal(error)) throw slotTaken(input);
      throw error;
    }
  }

  async confirm(slug: string, holdId: string, input: ConfirmPublicHoldDto, origin: RequestOrigin, now = Date.now()): Promise<PublicBookingConfirmationDto> {
    try {
      return await this.confirmOnce(slug, holdId, input, origin, now);
    } catch (error) {
      // The booking rules refused it for this patient (say, the interval since her last medical session): nothing of
      // the attempt stays (a new record is not kept), but the hold ends and its time is free, in a second transaction.
      if (error instanceof RuleViolationError) await this.endRefused(slug, holdId, origin);
      throw error;
    }
  }

  private async endRefused(slug: string, holdId: string, origin: RequestOrigin): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const clinic = await this.clinic(manager, slug);
      const hold = await lockOnlineHold(manager, clinic.organizationId, holdId);
      if (hold && !hold.ended_at) await this.end(manager, { ...origin, organizationId: clinic.organizationId, staffMemberId: null }, hold, 'refused');
    });
  }

  private async confirmOnce(slug: string, holdId: string, input: ConfirmPublicHoldDto, origin: RequestOrigin, now: number): Promise<PublicBookingConfirmationDto> {
    const outcome: Outcome = await this.dataSource.transaction(async (manager) => {
      const clinic = await this.clinic(manager, slug);
      const source: AuditSource = { ...origin, organizationId: clinic.organizationId, staffMemberId: null };
      const hold = await lockOnlineHold(manager, clinic.organizationId, holdId);
      if (!hold) throw new NotFoundError('Hold', holdId);
      if (hold.ended_at) throw endedError(hold);
      const held = await this.holds.lockHold(manager, clinic.organizationId, hold.appointment_id);
      if (hold.expires_at.getTime() <= now || !held || held.status !== 'held') {
        throw new GoneError('hold-expired', `The ${HOLD_MINUTES} minutes to enter the code are over and the time was let go: choose a time again`);
      }
      if (!timingSafeEqual(hold.code_hash, codeHash(hold.id, input.code))) return { refuse: await this.wrongCode(manager, source, hold) };

      const { mode, serviceName } = await this.holds.onlineBookingOf(manager, clinic.organizationId, held.service_id);
      const person = { firstName: hold.first_name, lastName: hold.last_name, dateOfBirth: hold.date_of_birth, email: hold.email, phone: hold.phone };
      if (mode === 'existing_patients') {
        // Decided only now, once the e-mail is proven, and answered alike for a stranger and a patient without a recent visit.
        const matched = await this.patients.findOnlineMatch(manager, clinic.organizationId, person);
        if (!matched || !(await this.holds.isExistingPatient(manager, clinic.organizationId, matched, new Date(now)))) {
          await this.end(manager, source, hold, 'refused');
          return {
            refuse: new RuleViolationError(
              `${serviceName} can be booked online only by patients who had a consultation or a medical-needling session with us in the last 12 months. ` +
                'Book a consultation first, or call the clinic.',
              [{ code: 'existing-patients-only', message: `${serviceName} is booked online by existing patients only: book a consultation first` }],
            ),
          };
        }
      }
      const { patientId } = await this.patients.findOrRegisterOnline(manager, source, person);
      // The manage link's key exists in clear only now: the booking notice and the reminder, both written now, carry it.
      const manageToken = randomBytes(32).toString('base64url');
      const booked = await this.holds.confirm(manager, source, held, patientId, manageUrl(this.config.publicUrl, manageToken));
      await this.end(manager, source, hold, 'confirmed');
      await insertManageToken(manager, { organizationId: clinic.organizationId, appointmentId: booked.id, tokenHash: manageKeyHash(manageToken), expiresAt: booked.ends_at });
      await this.prepareForms(manager, source, booked.id);
      return {
        booked: {
          appointment: {
            id: booked.id,
            startsAt: booked.starts_at.toISOString(),
            endsAt: booked.ends_at.toISOString(),
            serviceName: booked.service_name,
            locationName: booked.location_name,
            practitionerName: booked.practitioner_name,
          },
          manageToken,
        },
      };
    });
    if ('refuse' in outcome) throw outcome.refuse;
    return outcome.booked;
  }

  /**
   * The visit's consents, prepared as the booking is confirmed (issue 16: pre-visit forms through the manage link),
   * naming the appointment's practitioner, in a savepoint: when the clinic cannot prepare one (no form of a kind the
   * service needs, a practitioner who cannot be named), the booking still stands and check-in shows what is missing.
   */
  private async prepareForms(manager: EntityManager, source: AuditSource, appointmentId: string): Promise<void> {
    try {
      await manager.transaction((savepoint) => this.forms.prepare(savepoint, source, appointmentId));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }

  /** A wrong code is counted (kept, though the answer is an error); the fifth ends the hold and frees the time. */
  private async wrongCode(manager: EntityManager, source: AuditSource, hold: OnlineHoldRow): Promise<Error> {
    const wrong = await recordWrongCode(manager, source.organizationId, hold.id);
    await this.audit.record(manager, source, {
      action: 'online_booking.code_failed',
      entityType: 'appointment',
      entityId: hold.appointment_id,
      changes: { holdId: { to: hold.id }, wrongCodes: { from: wrong - 1, to: wrong } },
    });
    if (wrong >= WRONG_CODES_ALLOWED) {
      await this.end(manager, source, hold, 'wrong_codes');
      return new GoneError('hold-ended', `The code was wrong ${WRONG_CODES_ALLOWED} times, so the time was let go: choose a time again`);
    }
    const left = WRONG_CODES_ALLOWED - wrong;
    return new InvalidFieldError('code', `not the code we sent; ${left} ${left === 1 ? 'try' : 'tries'} left`);
  }

  private async end(manager: EntityManager, source: AuditSource, hold: OnlineHoldRow, because: 'confirmed' | 'wrong_codes' | 'refused'): Promise<void> {
    await endOnlineHold(manager, source.organizationId, hold.id, because);
    if (because !== 'confirmed') await this.holds.release(manager, source.organizationId, hold.appointment_id, because === 'refused' ? 'Online booking refused' : 'Online hold ended: wrong codes');
    await this.audit.record(manager, source, {
      action: because === 'confirmed' ? 'online_booking.hold_confirmed' : 'online_booking.hold_ended',
      entityType: 'appointment',
      entityId: hold.appointment_id,
      changes: { holdId: { to: hold.id }, endedBecause: { to: because } },
    });
  }

  /** An unknown slug and a clinic with online booking off answer alike: 404, nothing more. */
  private async clinic(manager: EntityManager, slug: string): Promise<PublicBookingClinic> {
    const clinic = await this.organizations.resolvePublicBooking(manager, slug);
    if (!clinic) throw new NotFoundError('Booking page');
    return clinic;
  }
}

function slotTaken(input: CreatePublicHoldDto): ConflictError {
  return new ConflictError('slot-taken', 'That time is no longer free for online booking: choose another time', {
    startsAt: new Date(input.startsAt).toISOString(),
    ...(input.practitionerId ? { practitionerId: input.practitionerId } : {}),
  });
}

function endedError(hold: OnlineHoldRow): GoneError {
  if (hold.ended_because === 'confirmed') return new GoneError('hold-ended', 'This booking is already confirmed: the e-mail has the details');
  if (hold.ended_because === 'refused') return new GoneError('hold-ended', 'This booking was refused and the time let go: choose a time again');
  return new GoneError('hold-ended', `The code was wrong ${WRONG_CODES_ALLOWED} times, so the time was let go: choose a time again`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const codeHash = (holdId: string, code: string) => sha256(`${holdId}:${code}`);
