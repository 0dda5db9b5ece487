import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  instantToLocal,
  isWaitlistEntryOpen,
  readableDateTime,
  readableIsoDate,
  waitlistEntryState,
  waitlistEntryWantsSlot,
  waitlistRangeViolations,
} from '@skinledger/domain';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError, type RuleViolation } from '../common/problems/domain-error';
import { OutboxService } from '../messaging/outbox.service';
import { findPatient } from '../patients/patient-records';
import type { AppointmentDto } from './appointments.dto';
import { AppointmentsService } from './appointments.service';
import { readAppointment } from './appointment-views';
import { AvailabilityService } from './availability.service';
import type { ServiceDto } from './catalog.dto';
import { CatalogService, toServiceDto } from './catalog.service';
import type { AvailabilityFactsRow } from './availability.queries';
import { loadAvailabilityFacts } from './availability.queries';
import { slotsFromFacts } from './availability-slots';
import { findLocation } from './clinic-directory.queries';
import { loadPractitionerFacts } from './schedule.queries';
import type {
  CreateWaitlistEntryDto,
  CreateWaitlistOfferDto,
  FreedSlotDto,
  FreedSlotListDto,
  FreedSlotQueryDto,
  RemoveWaitlistEntryDto,
  WaitlistEntryDto,
  WaitlistMatchDto,
  WaitlistOfferDto,
  WaitlistPageDto,
  WaitlistQueryDto,
} from './waitlist.dto';
import {
  freedSlotBoardOfAppointment,
  freedSlotBoardOfLocation,
  freedSlotById,
  insertOffer,
  insertWaitlistEntry,
  lockOffer,
  lockWaitlistEntry,
  offerRow,
  offersFor,
  overlappingOpenEntry,
  returnToWaitingWithoutOpenOffers,
  setOfferBooked,
  setWaitlistEntryStatus,
  waitlistEntryCount,
  waitlistEntryPage,
  waitlistEntryRow,
  withdrawOffersAfterBooking,
  withdrawOffersOfEntry,
  type FreedSlotBoard,
  type FreedSlotRow,
  type WaitlistEntryRow,
  type WaitlistOfferRow,
} from './waitlist.queries';
import { assertWithinDays } from './window-length';

const MAX_FREED_SLOT_DAYS = 14;
const MINUTE = 60_000;

/** A free start for an entry's service inside a freed slot, from availability's engine. */
interface FittingStart {
  start: number;
  end: number;
  roomId: string;
  roomName: string;
}

/**
 * The waitlist (issue 13): entries, the slots cancellations, no-shows and reschedules freed, the entries that fit
 * them (the availability engine decides whether the entry's service has a free start inside the freed time with that
 * practitioner and a room), offers (a message to the patient, in the offer's transaction) and booking an offer, which
 * is the normal booking under every rule: of two offers of one slot, the database lets only one book it.
 */
@Injectable()
export class WaitlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentsService,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, query: WaitlistQueryDto): Promise<WaitlistPageDto> {
    const manager = this.dataSource.manager;
    const filter = { locationId: query.locationId, patientId: query.patientId, openOnly: query.openOnly };
    const rows = await waitlistEntryPage(manager, actor.organizationId, filter, query.pageSize, (query.page - 1) * query.pageSize);
    const total = rows.length > 0 ? Number(rows[0].total) : query.page === 1 ? 0 : await waitlistEntryCount(manager, actor.organizationId, filter);
    const offers = await offersFor(manager, actor.organizationId, { entryIds: rows.map((r) => r.id) });
    return { items: rows.map((r) => toEntryDto(r, offers)), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: Actor, input: CreateWaitlistEntryDto): Promise<WaitlistEntryDto> {
    if (input.latestOn < input.earliestOn) throw new InvalidFieldError('latestOn', 'must be on or after earliestOn');
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, input.patientId).catch(() => {
        throw new InvalidFieldError('patientId', 'no such patient in this organization');
      });
      const service = await this.catalog.findService(manager, actor.organizationId, input.serviceId, 'serviceId');
      const location = await findLocation(manager, actor.organizationId, input.locationId);
      if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
      const violations: RuleViolation[] = [];
      if (input.practitionerId) {
        const [practitioner] = await loadPractitionerFacts(manager, {
          organizationId: actor.organizationId,
          locationId: input.locationId,
          timeZone: location.timezone,
          from: new Date(),
          to: new Date(Date.now() + MINUTE),
          practitionerIds: [input.practitionerId],
        });
        if (!practitioner) throw new InvalidFieldError('practitionerId', 'no such staff member in this organization');
        if (!practitioner.active) violations.push({ code: 'practitioner-inactive', message: `${practitioner.name} is deactivated` });
      }
      const today = instantToLocal(new Date(), location.timezone).date;
      if (patient.archivedAt) violations.push({ code: 'patient-archived', message: 'The patient is archived: restore the record before putting them on the waitlist' });
      if (!service.isActive) violations.push({ code: 'service-inactive', message: `${service.name} is no longer offered (inactive)` });
      violations.push(...waitlistRangeViolations(input, today));
      if (violations.length > 0) {
        throw new RuleViolationError(`The waitlist entry breaks ${violations.length} rule(s): ${violations.map((v) => v.message).join('; ')}`, violations);
      }
      const same = { patientId: input.patientId, serviceId: input.serviceId, locationId: input.locationId, earliestOn: input.earliestOn, latestOn: input.latestOn };
      const existing = await overlappingOpenEntry(manager, actor.organizationId, same);
      if (existing) throw duplicateEntry(existing);
      let id: string;
      try {
        id = await insertWaitlistEntry(manager, {
          organizationId: actor.organizationId,
          ...same,
          practitionerId: input.practitionerId ?? null,
          notes: input.notes?.trim() ?? '',
          createdBy: actor.staffMemberId,
        });
      } catch (error) {
        // A concurrent request put the patient on the list first (exclusion constraint).
        if (isExclusionViolation(error, 'waitlist_entries_one_open')) {
          const other = await overlappingOpenEntry(this.dataSource.manager, actor.organizationId, same);
          throw other ? duplicateEntry(other) : error;
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'waitlist_entry.created',
        entityType: 'waitlist_entry',
        entityId: id,
        changes: {
          patientId: { to: input.patientId },
          serviceId: { to: input.serviceId },
          locationId: { to: input.locationId },
          practitionerId: { to: input.practitionerId ?? null },
          earliestOn: { to: input.earliestOn },
          latestOn: { to: input.latestOn },
        },
      });
      return this.entry(manager, actor, id);
    });
  }

  async remove(actor: Actor, id: string, input: RemoveWaitlistEntryDto): Promise<WaitlistEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockEntry(manager, actor, id);
      if (before.status === 'booked' || before.status === 'removed') {
        throw new ConflictError('waitlist-entry-closed', `${before.patient_name}'s entry for ${before.service_name} is already ${before.status}`, { entryState: before.status });
      }
      await withdrawOffersOfEntry(manager, actor.organizationId, id);
      await setWaitlistEntryStatus(manager, actor.organizationId, id, { status: 'removed', reason: input.reason?.trim() || null, by: actor.staffMemberId });
      await this.audit.record(manager, actor, {
        action: 'waitlist_entry.removed',
        entityType: 'waitlist_entry',
        entityId: id,
        changes: { status: { from: before.status, to: 'removed' }, ...(input.reason?.trim() ? { reason: { to: input.reason.trim() } } : {}) },
      });
      return this.entry(manager, actor, id);
    });
  }

  /**
   * Open freed slots at a location in a window (the schedule's panel), or what one appointment freed (its drawer): ONE
   * statement reads the slots, their candidate entries, offers and services; ONE availability read per location covers
   * every open slot's time (whatever the number of slots), each slot's free starts then computed from those facts.
   */
  async freedSlots(actor: Actor, query: FreedSlotQueryDto): Promise<FreedSlotListDto> {
    const manager = this.dataSource.manager;
    let board: FreedSlotBoard;
    if (query.appointmentId) {
      board = await freedSlotBoardOfAppointment(manager, actor.organizationId, query.appointmentId);
      if (!board.appointmentFound) throw new InvalidFieldError('appointmentId', 'no such appointment in this organization');
    } else {
      if (!query.locationId) throw new InvalidFieldError('locationId', 'is required unless appointmentId is given');
      if (!query.from || !query.to) throw new InvalidFieldError(query.from ? 'to' : 'from', 'is required with locationId');
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from) throw new InvalidFieldError('to', 'must be after from');
      assertWithinDays(from, to, MAX_FREED_SLOT_DAYS);
      board = await freedSlotBoardOfLocation(manager, actor.organizationId, { locationId: query.locationId, from: new Date(Math.max(from.getTime(), Date.now())), to });
    }
    const now = Date.now();
    const entries = new Map(board.entries.map((e) => [e.id, e]));
    const services = new Map(board.services.map((v) => [v.id, toServiceDto(v)]));
    const candidatesOf = (slot: FreedSlotBoard['slots'][number]): WaitlistEntryRow[] => {
      const from = instantToLocal(slot.starts_at, slot.timezone).date;
      return slot.candidateIds
        .map((id) => entries.get(id) as WaitlistEntryRow)
        .filter((e) => waitlistEntryWantsSlot(toWants(e), { locationId: slot.location_id, practitionerId: slot.practitioner_id, localDate: from }, e.today));
    };
    const open = board.slots.filter((slot) => slot.open && slot.ends_at.getTime() > now);
    const candidates = new Map(open.map((slot) => [slot.id, candidatesOf(slot)]));
    const facts = await this.factsPerLocation(manager, actor, open.filter((slot) => (candidates.get(slot.id) ?? []).length > 0), [...services.values()]);
    const items: FreedSlotDto[] = board.slots.map((slot) => {
      const slotCandidates = candidates.get(slot.id);
      const locationFacts = facts.get(slot.location_id);
      return {
        id: slot.id,
        appointmentId: slot.appointment_id,
        cause: slot.cause,
        locationId: slot.location_id,
        timeZone: slot.timezone,
        practitionerId: slot.practitioner_id,
        practitionerName: slot.practitioner_name,
        roomId: slot.room_id,
        roomName: slot.room_name,
        startsAt: slot.starts_at.toISOString(),
        endsAt: slot.ends_at.toISOString(),
        open: slotCandidates !== undefined,
        matches: slotCandidates && locationFacts ? this.matches(actor, slot, slotCandidates, services, locationFacts, board.offers, now) : [],
      };
    });
    return { items };
  }

  /** Offers a free start inside a freed slot to an entry: the offer, the entry marked offered, an e-mail to the patient. */
  async offer(actor: Actor, entryId: string, input: CreateWaitlistOfferDto): Promise<WaitlistEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.lockEntry(manager, actor, entryId);
      if (!isWaitlistEntryOpen({ status: entry.status, latestOn: entry.latest_on }, entry.today)) {
        const state = waitlistEntryState({ status: entry.status, latestOn: entry.latest_on }, entry.today);
        throw new ConflictError('waitlist-entry-closed', `${entry.patient_name}'s entry for ${entry.service_name} is ${state}: it can no longer be offered a slot`, { entryState: state });
      }
      const slot = await freedSlotById(manager, actor.organizationId, input.freedSlotId);
      if (!slot) throw new InvalidFieldError('freedSlotId', 'no such freed slot in this organization');
      const startsAt = new Date(input.startsAt);
      const local = instantToLocal(startsAt, slot.timezone);
      if (!waitlistEntryWantsSlot(toWants(entry), { locationId: slot.location_id, practitionerId: slot.practitioner_id, localDate: local.date }, entry.today)) {
        throw new InvalidFieldError('freedSlotId', `the slot does not match ${entry.patient_name}'s entry (location, practitioner or dates)`);
      }
      const service = await this.catalog.findService(manager, actor.organizationId, entry.service_id);
      const fitting = await this.fittingStarts(manager, actor, slot, service);
      const chosen = fitting.find((f) => f.start === startsAt.getTime());
      if (!chosen) {
        throw new ConflictError(
          'slot-not-free',
          `${slot.practitioner_name} is not free for ${service.name} on ${readableDateTime(startsAt, slot.timezone)} any more: the time was taken or does not fit the service. Refresh the freed slots.`,
        );
      }
      const offerId = await insertOffer(manager, {
        organizationId: actor.organizationId,
        entryId,
        freedSlotId: slot.id,
        locationId: slot.location_id,
        practitionerId: slot.practitioner_id,
        roomId: chosen.roomId,
        startsAt,
        endsAt: new Date(chosen.end),
        offeredBy: actor.staffMemberId,
      });
      if (entry.status !== 'offered') await setWaitlistEntryStatus(manager, actor.organizationId, entryId, { status: 'offered' });
      await this.outbox.waitlistOffered(manager, offerId);
      await this.audit.record(manager, actor, {
        action: 'waitlist_entry.offered',
        entityType: 'waitlist_entry',
        entityId: entryId,
        changes: {
          status: { from: entry.status, to: 'offered' },
          offerId: { to: offerId },
          freedSlotId: { to: slot.id },
          startsAt: { to: startsAt.toISOString() },
          practitionerId: { to: slot.practitioner_id },
          roomId: { to: chosen.roomId },
        },
      });
      return this.entry(manager, actor, entryId);
    });
  }

  /**
   * Books an offer: the normal booking (every booking rule; the exclusion constraints refuse a double booking), the
   * offer and entry marked booked, offers it made pointless withdrawn. Whoever books an offered slot first gets it;
   * the other offer's booking answers 409 `offer-slot-taken` naming who holds the time, nothing written.
   */
  async book(actor: Actor, offerId: string): Promise<AppointmentDto> {
    let taken: { practitionerName: string; startsAt: Date; timeZone: string; patientName: string } | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await lockOffer(manager, actor.organizationId, offerId))) throw new NotFoundError('Waitlist offer');
        const offer = (await offerRow(manager, actor.organizationId, offerId)) as WaitlistOfferRow;
        const entry = await this.lockEntry(manager, actor, offer.entry_id);
        taken = { practitionerName: offer.practitioner_name, startsAt: offer.starts_at, timeZone: offer.timezone, patientName: entry.patient_name };
        if (offer.status === 'booked') throw new ConflictError('offer-closed', `This offer to ${entry.patient_name} was already booked`, { offerState: offer.status });
        // Already taken by someone else (the common case, also when another offer's booking withdrew this one): say
        // so before trying, in the same words as a lost race.
        if (offer.taken) throw offerTaken(taken);
        if (offer.status === 'withdrawn') throw new ConflictError('offer-closed', `This offer to ${entry.patient_name} was withdrawn`, { offerState: offer.status });
        if (!isWaitlistEntryOpen({ status: entry.status, latestOn: entry.latest_on }, entry.today)) {
          const state = waitlistEntryState({ status: entry.status, latestOn: entry.latest_on }, entry.today);
          throw new ConflictError('waitlist-entry-closed', `${entry.patient_name}'s entry for ${entry.service_name} is ${state}`, { entryState: state });
        }
        const appointmentId = await this.appointments.insert(
          manager,
          actor,
          {
            patientId: entry.patient_id,
            serviceId: entry.service_id,
            practitionerId: offer.practitioner_id,
            roomId: offer.room_id,
            locationId: offer.location_id,
            startsAt: offer.starts_at,
          },
          {},
          { notes: entry.notes },
        );
        await setOfferBooked(manager, actor.organizationId, offerId, appointmentId);
        await setWaitlistEntryStatus(manager, actor.organizationId, entry.id, { status: 'booked', appointmentId });
        const touched = await withdrawOffersAfterBooking(manager, actor.organizationId, {
          id: offerId,
          entryId: entry.id,
          practitionerId: offer.practitioner_id,
          startsAt: offer.starts_at,
          endsAt: offer.ends_at,
        });
        await returnToWaitingWithoutOpenOffers(manager, actor.organizationId, touched.filter((id) => id !== entry.id));
        await this.audit.record(manager, actor, {
          action: 'waitlist_entry.booked',
          entityType: 'waitlist_entry',
          entityId: entry.id,
          changes: { status: { from: entry.status, to: 'booked' }, offerId: { to: offerId }, appointmentId: { to: appointmentId } },
        });
        return (await readAppointment(manager, actor.organizationId, appointmentId)) as AppointmentDto;
      });
    } catch (error) {
      // Lost the race: the other booking committed between our check and our insert (exclusion constraint).
      if (taken && (isExclusionViolation(error, 'appointments_practitioner_no_overlap') || isExclusionViolation(error, 'appointments_room_no_overlap'))) throw offerTaken(taken);
      throw error;
    }
  }

  /**
   * One availability read per location of the slots (one in the schedule's panel) over every practitioner and the
   * whole time the slots span, the longest candidate service's length after their end included.
   */
  private async factsPerLocation(manager: EntityManager, actor: Actor, slots: FreedSlotRow[], services: ServiceDto[]): Promise<Map<string, AvailabilityFactsRow>> {
    const facts = new Map<string, AvailabilityFactsRow>();
    const longest = Math.max(0, ...services.map((v) => (v.durationMin + v.bufferMin) * MINUTE));
    for (const locationId of new Set(slots.map((slot) => slot.location_id))) {
      const here = slots.filter((slot) => slot.location_id === locationId);
      facts.set(
        locationId,
        await loadAvailabilityFacts(manager, {
          organizationId: actor.organizationId,
          locationId,
          serviceId: null,
          from: new Date(Math.min(...here.map((slot) => slot.starts_at.getTime()))),
          to: new Date(Math.max(...here.map((slot) => slot.ends_at.getTime())) + longest),
          practitionerIds: [...new Set(here.map((slot) => slot.practitioner_id))],
          excludeAppointmentId: null,
        }),
      );
    }
    return facts;
  }

  private matches(
    actor: Actor,
    slot: FreedSlotRow,
    candidates: WaitlistEntryRow[],
    services: Map<string, ServiceDto>,
    facts: AvailabilityFactsRow,
    offers: WaitlistOfferRow[],
    now: number,
  ): WaitlistMatchDto[] {
    const byService = new Map<string, FittingStart[]>();
    const matches: WaitlistMatchDto[] = [];
    for (const entry of candidates) {
      let fitting = byService.get(entry.service_id);
      if (!fitting) {
        const service = services.get(entry.service_id);
        fitting = service?.isActive ? fittingStartsFromFacts(actor, slot, service, facts, now) : [];
        byService.set(entry.service_id, fitting);
      }
      const first = fitting[0];
      if (!first) continue;
      const offer = offers.find((o) => o.freed_slot_id === slot.id && o.entry_id === entry.id) ?? null;
      matches.push({
        entry: toEntryDto(entry, offers),
        startsAt: new Date(offer && offer.status === 'open' ? offer.starts_at : first.start).toISOString(),
        endsAt: new Date(offer && offer.status === 'open' ? offer.ends_at : first.end).toISOString(),
        roomId: offer?.room_id ?? first.roomId,
        roomName: offer?.room_name ?? first.roomName,
        offer: offer ? toOfferDto(offer) : null,
      });
    }
    return matches;
  }

  /** Free starts of the service inside the freed time with its practitioner (and a free room), from now on. */
  private async fittingStarts(manager: EntityManager, actor: Actor, slot: FreedSlotRow, service: ServiceDto): Promise<FittingStart[]> {
    const occupied = (service.durationMin + service.bufferMin) * MINUTE;
    const { slots, rooms } = await this.availability.search(manager, {
      organizationId: actor.organizationId,
      service,
      locationId: slot.location_id,
      timeZone: slot.timezone,
      from: slot.starts_at,
      to: new Date(slot.ends_at.getTime() + occupied),
      practitionerId: slot.practitioner_id,
      notBefore: Date.now(),
    });
    return slots
      .filter((s) => s.practitionerId === slot.practitioner_id && s.start < slot.ends_at.getTime())
      .map((s) => ({ start: s.start, end: s.end, roomId: s.roomId, roomName: rooms.find((r) => r.id === s.roomId)?.name ?? '' }));
  }

  private async lockEntry(manager: EntityManager, actor: Actor, id: string): Promise<WaitlistEntryRow> {
    if (!(await lockWaitlistEntry(manager, actor.organizationId, id))) throw new NotFoundError('Waitlist entry');
    return (await waitlistEntryRow(manager, actor.organizationId, id)) as WaitlistEntryRow;
  }

  private async entry(manager: EntityManager, actor: Actor, id: string): Promise<WaitlistEntryDto> {
    const row = (await waitlistEntryRow(manager, actor.organizationId, id)) as WaitlistEntryRow;
    return toEntryDto(row, await offersFor(manager, actor.organizationId, { entryIds: [id] }));
  }
}

/** `fittingStarts` from facts already read (a superset of the slot's time and practitioners): the slot's practitioner only. */
function fittingStartsFromFacts(actor: Actor, slot: FreedSlotRow, service: ServiceDto, facts: AvailabilityFactsRow, now: number): FittingStart[] {
  const occupied = (service.durationMin + service.bufferMin) * MINUTE;
  const own = { ...facts, people: (facts.people ?? []).filter(([id]) => id === slot.practitioner_id) };
  const { slots, rooms } = slotsFromFacts(own, {
    organizationId: actor.organizationId,
    service,
    locationId: slot.location_id,
    timeZone: slot.timezone,
    from: slot.starts_at,
    to: new Date(slot.ends_at.getTime() + occupied),
    practitionerId: slot.practitioner_id,
    notBefore: now,
  }, []);
  return slots
    .filter((s) => s.practitionerId === slot.practitioner_id && s.start < slot.ends_at.getTime())
    .map((s) => ({ start: s.start, end: s.end, roomId: s.roomId, roomName: rooms.find((r) => r.id === s.roomId)?.name ?? '' }));
}

function toWants(e: WaitlistEntryRow) {
  return { status: e.status, locationId: e.location_id, practitionerId: e.practitioner_id, earliestOn: e.earliest_on, latestOn: e.latest_on };
}

function toOfferDto(o: WaitlistOfferRow): WaitlistOfferDto {
  return {
    id: o.id,
    entryId: o.entry_id,
    freedSlotId: o.freed_slot_id,
    timeZone: o.timezone,
    practitionerId: o.practitioner_id,
    practitionerName: o.practitioner_name,
    roomId: o.room_id,
    roomName: o.room_name,
    startsAt: o.starts_at.toISOString(),
    endsAt: o.ends_at.toISOString(),
    state: o.status === 'open' && o.taken ? 'taken' : o.status,
    appointmentId: o.appointment_id,
    offeredAt: o.offered_at.toISOString(),
    offeredByName: o.offered_by_name,
  };
}

function toEntryDto(r: WaitlistEntryRow, offers: WaitlistOfferRow[]): WaitlistEntryDto {
  const latest = offers.filter((o) => o.entry_id === r.id).sort((a, b) => b.offered_at.getTime() - a.offered_at.getTime())[0];
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    patientMrn: r.mrn,
    patientHasEmail: r.has_email,
    serviceId: r.service_id,
    serviceName: r.service_name,
    locationId: r.location_id,
    locationName: r.location_name,
    timeZone: r.timezone,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    earliestOn: r.earliest_on,
    latestOn: r.latest_on,
    notes: r.notes,
    status: r.status,
    state: waitlistEntryState({ status: r.status, latestOn: r.latest_on }, r.today),
    bookedAppointmentId: r.booked_appointment_id,
    removedReason: r.removed_reason,
    createdAt: r.created_at.toISOString(),
    latestOffer: latest ? toOfferDto(latest) : null,
  };
}

function duplicateEntry(existing: WaitlistEntryRow): ConflictError {
  return new ConflictError(
    'duplicate',
    `${existing.patient_name} is already on the waitlist for ${existing.service_name} at ${existing.location_name} from ${readableIsoDate(existing.earliest_on)} to ${readableIsoDate(existing.latest_on)}`,
    { entryId: existing.id },
  );
}

function offerTaken(t: { practitionerName: string; startsAt: Date; timeZone: string; patientName: string }): ConflictError {
  return new ConflictError(
    'offer-slot-taken',
    `Someone else was booked with ${t.practitionerName} on ${readableDateTime(t.startsAt, t.timeZone)} first: this offer can no longer be booked. ${t.patientName} stays on the waitlist; offer another slot.`,
  );
}

function isExclusionViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error.driverError as { code?: string; constraint?: string };
  return pg.code === '23P01' && pg.constraint === constraint;
}
