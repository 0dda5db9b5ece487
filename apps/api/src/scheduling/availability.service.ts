import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SLOT_GRID_MINUTES, type Slot } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { toServiceDto } from './catalog.service';
import type { AvailabilityDto } from './availability.dto';
import { loadAvailabilityFacts } from './availability.queries';
import { slotsFromFacts, type ExtraBusy, type Named, type SlotSearch } from './availability-slots';
import { assertWithinDays } from './window-length';

const MAX_DAYS = 14;

/** The asked range: `to` after `from`, at most 14 days later (400 naming `to` otherwise). */
function askedRange(query: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from) throw new InvalidFieldError('to', 'must be after from');
  assertWithinDays(from, to, MAX_DAYS);
  return { from, to };
}

/**
 * Free start times: ONE statement reads the service, the location and the facts of every practitioner and room
 * (availability.queries.ts); the pure domain algorithm (libs/domain scheduling/slots.ts) does the rest.
 */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(actor: Actor, query: { serviceId: string; locationId: string; from: string; to: string; practitionerId?: string; notBefore?: string; excludeAppointmentId?: string }): Promise<AvailabilityDto> {
    const { from, to } = askedRange(query);
    const result = await this.freeSlots(this.dataSource, actor.organizationId, { ...query, from, to, notBefore: query.notBefore ? Date.parse(query.notBefore) : Date.now() });
    return {
      timeZone: result.timeZone,
      gridMin: SLOT_GRID_MINUTES,
      slots: result.slots.map((s) => ({ startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(), practitionerId: s.practitionerId, roomId: s.roomId, roomIds: s.roomIds })),
      practitioners: result.practitioners,
      rooms: result.rooms,
    };
  }

  /**
   * Public online booking (issue 16): the same engine, in the caller's transaction (already scoped to the clinic the
   * public slug named), for a service open online, within the clinic's online window and without the practitioners
   * it excluded. The asked range is checked like the staff search's (at most 14 days); `window` null: nothing to offer.
   */
  async findOnline(
    manager: EntityManager,
    organizationId: string,
    // excludeAppointmentId: a reschedule through the manage link, whose own time does not block its new one.
    query: { serviceId: string; locationId: string; from: string; to: string; practitionerId?: string; excludeAppointmentId?: string },
    online: { window: (from: Date, to: Date) => { from: number; to: number } | null; excludedPractitionerIds: readonly string[] },
  ): Promise<{ timeZone: string; slots: Slot[] }> {
    const asked = askedRange(query);
    if (query.practitionerId && online.excludedPractitionerIds.includes(query.practitionerId)) {
      throw new InvalidFieldError('practitionerId', 'this practitioner takes no online bookings');
    }
    const window = online.window(asked.from, asked.to);
    const result = await this.freeSlots(manager, organizationId, {
      ...query,
      // An empty window still reads the facts: the service and location are checked the same way either way.
      from: window ? new Date(window.from) : asked.from,
      to: window ? new Date(window.to) : asked.from,
      notBefore: window?.from ?? asked.from.getTime(),
      onlineOnly: true,
    });
    const excluded = new Set(online.excludedPractitionerIds);
    return { timeZone: result.timeZone, slots: window ? result.slots.filter((s) => !excluded.has(s.practitionerId)) : [] };
  }

  private async freeSlots(
    db: DataSource | EntityManager,
    organizationId: string,
    q: { serviceId: string; locationId: string; from: Date; to: Date; practitionerId?: string; notBefore: number; excludeAppointmentId?: string; onlineOnly?: boolean },
  ): Promise<{ timeZone: string; slots: Slot[]; practitioners: Named[]; rooms: Named[] }> {
    const facts = await loadAvailabilityFacts(db, {
      organizationId,
      locationId: q.locationId,
      serviceId: q.serviceId,
      from: q.from,
      to: q.to,
      practitionerIds: q.practitionerId ? [q.practitionerId] : null,
      excludeAppointmentId: q.excludeAppointmentId ?? null,
    });
    if (!facts.service) throw new InvalidFieldError('serviceId', 'no such service in this organization');
    if (q.onlineOnly && (!facts.service.is_active || facts.service.online_booking === 'off')) throw new InvalidFieldError('serviceId', 'no such service open for online booking');
    if (!facts.location?.isActive) throw new InvalidFieldError('locationId', 'no such open location in this organization');
    const timeZone = facts.location.timezone;
    const search: SlotSearch = {
      organizationId,
      service: toServiceDto(facts.service),
      locationId: q.locationId,
      timeZone,
      from: q.from,
      to: q.to,
      practitionerId: q.practitionerId,
      notBefore: q.notBefore,
      excludeAppointmentId: q.excludeAppointmentId,
    };
    return { timeZone, ...slotsFromFacts(facts, search, []) };
  }

  /** The free slots for a search (one statement); `extraBusy` adds time already promised (a course's earlier sessions). */
  async search(db: DataSource | EntityManager, s: SlotSearch, extraBusy: ExtraBusy[] = []): Promise<{ slots: Slot[]; practitioners: Named[]; rooms: Named[] }> {
    const facts = await loadAvailabilityFacts(db, {
      organizationId: s.organizationId,
      locationId: s.locationId,
      serviceId: null,
      from: s.from,
      to: s.to,
      practitionerIds: s.practitionerId ? [s.practitionerId] : null,
      excludeAppointmentId: s.excludeAppointmentId ?? null,
    });
    return slotsFromFacts(facts, s, extraBusy);
  }
}
