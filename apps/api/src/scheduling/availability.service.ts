import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEDICAL_DEPTH_THRESHOLD_MM, SLOT_GRID_MINUTES, addDays, freeSlots, licensedForDepthThrough, localTimeToInstant, type Slot } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import type { ServiceDto } from './catalog.dto';
import { CatalogService } from './catalog.service';
import type { AvailabilityDto } from './availability.dto';
import { findLocation } from './clinic-directory.queries';
import { loadPractitionerFacts, loadRoomFacts, type PractitionerFacts, type RoomFacts } from './schedule.queries';

const MAX_DAYS = 14;

export interface SlotSearch {
  organizationId: string;
  service: ServiceDto;
  locationId: string;
  timeZone: string;
  from: Date;
  to: Date;
  practitionerId?: string;
  notBefore?: number;
  /** A reschedule: the moving appointment's own time is not busy. */
  excludeAppointmentId?: string;
}

/**
 * Free start times: a few set-based queries (hours, exceptions, credentials, appointments, rooms) feed the pure
 * domain algorithm (libs/domain scheduling/slots.ts).
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async find(actor: Actor, query: { serviceId: string; locationId: string; from: string; to: string; practitionerId?: string; notBefore?: string; excludeAppointmentId?: string }): Promise<AvailabilityDto> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidFieldError('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new InvalidFieldError('to', `at most ${MAX_DAYS} days after from`);
    const service = await this.catalog.findService(this.dataSource.manager, actor.organizationId, query.serviceId, 'serviceId');
    const location = await findLocation(this.dataSource.manager, actor.organizationId, query.locationId);
    if (!location?.is_active) throw new InvalidFieldError('locationId', 'no such open location in this organization');
    const search: SlotSearch = { organizationId: actor.organizationId, service, locationId: query.locationId, timeZone: location.timezone, from, to, practitionerId: query.practitionerId, notBefore: query.notBefore ? Date.parse(query.notBefore) : Date.now(), excludeAppointmentId: query.excludeAppointmentId };
    const { slots, practitioners, rooms } = await this.search(this.dataSource, search);
    return {
      timeZone: location.timezone,
      gridMin: SLOT_GRID_MINUTES,
      slots: slots.map((s) => ({ startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString(), practitionerId: s.practitionerId, roomId: s.roomId, roomIds: s.roomIds })),
      practitioners: practitioners.map((p) => ({ id: p.id, name: p.name })),
      rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
    };
  }

  /** The facts and the free slots for a search; `extraBusy` adds time already promised (a course's earlier sessions). */
  async search(
    db: Pick<DataSource, 'query'>,
    s: SlotSearch,
    extraBusy: { practitionerId: string; roomId: string; start: number; end: number }[] = [],
  ): Promise<{ slots: Slot[]; practitioners: PractitionerFacts[]; rooms: RoomFacts[] }> {
    const window = { organizationId: s.organizationId, locationId: s.locationId, from: s.from, to: s.to, excludeAppointmentId: s.excludeAppointmentId };
    const [practitioners, rooms] = await Promise.all([
      loadPractitionerFacts(db, { ...window, timeZone: s.timeZone, practitionerIds: s.practitionerId ? [s.practitionerId] : undefined }),
      loadRoomFacts(db, window),
    ]);
    const active = practitioners.filter((p) => p.active);
    const slots = freeSlots(
      { from: s.from.getTime(), to: s.to.getTime(), durationMin: s.service.durationMin, bufferMin: s.service.bufferMin, medical: s.service.procedureKind === 'medical_needling', notBefore: s.notBefore },
      active.map((p) => ({
        id: p.id,
        working: p.working,
        busy: withExtra(p.busy, extraBusy.filter((e) => e.practitionerId === p.id)),
        medicalUntil: medicalUntil(p, s.timeZone),
      })),
      rooms.map((r) => ({ id: r.id, busy: withExtra(r.busy, extraBusy.filter((e) => e.roomId === r.id)) })),
    );
    return { slots, practitioners: active, rooms };
  }
}

function withExtra(busy: { start: number; end: number }[], extra: { start: number; end: number }[]) {
  if (extra.length === 0) return busy;
  return [...busy, ...extra].sort((a, b) => a.start - b.start).reduce<{ start: number; end: number }[]>((merged, i) => {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
    return merged;
  }, []);
}

/** The first instant (location's midnight after the expiry date) from which none of the practitioner's medical-depth licences is current. */
function medicalUntil(p: PractitionerFacts, timeZone: string): number | null {
  const lastDay = licensedForDepthThrough(p.credentials, MEDICAL_DEPTH_THRESHOLD_MM);
  return lastDay === null ? null : localTimeToInstant(addDays(lastDay, 1), 0, timeZone).getTime();
}
