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

const MAX_DAYS = 14;

/**
 * Free start times: ONE statement reads the service, the location and the facts of every practitioner and room
 * (availability.queries.ts); the pure domain algorithm (libs/domain scheduling/slots.ts) does the rest.
 */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(actor: Actor, query: { serviceId: string; locationId: string; from: string; to: string; practitionerId?: string; notBefore?: string; excludeAppointmentId?: string }): Promise<AvailabilityDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidFieldError('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new InvalidFieldError('to', `at most ${MAX_DAYS} days after from`);
    const facts = await loadAvailabilityFacts(this.dataSource, {
      organizationId: actor.organizationId,
      locationId: query.locationId,
      serviceId: query.serviceId,
      from,
      to,
      practitionerIds: query.practitionerId ? [query.practitionerId] : null,
      excludeAppointmentId: query.excludeAppointmentId ?? null,
    });
    if (!facts.service) throw new InvalidFieldError('serviceId', 'no such service in this organization');
    if (!facts.location?.isActive) throw new InvalidFieldError('locationId', 'no such open location in this organization');
    const timeZone = facts.location.timezone;
    const search: SlotSearch = {
      organizationId: actor.organizationId,
      service: toServiceDto(facts.service),
      locationId: query.locationId,
      timeZone,
      from,
      to,
      practitionerId: query.practitionerId,
      notBefore: query.notBefore ? Date.parse(query.notBefore) : Date.now(),
      excludeAppointmentId: query.excludeAppointmentId,
    };
    const { slots, practitioners, rooms } = slotsFromFacts(facts, search, []);
    return {
      timeZone,
      gridMin: SLOT_GRID_MINUTES,
      slots: slots.map((s) => ({ startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(), practitionerId: s.practitionerId, roomId: s.roomId, roomIds: s.roomIds })),
      practitioners,
      rooms,
    };
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
