import {
  MEDICAL_DEPTH_THRESHOLD_MM,
  addDays,
  freeSlots,
  licensedForDepthThrough,
  localTimeToInstant,
  mergeIntervals,
  workingIntervals,
  type HoursException,
  type Interval,
  type PractitionerCredential,
  type Slot,
  type WeeklyHours,
} from '@skinledger/domain';
import type { ServiceDto } from './catalog.dto';
import type { AvailabilityFactsRow } from './availability.queries';

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

export interface Named {
  id: string;
  name: string;
}

/** Time already promised that the database does not hold yet (a course's earlier sessions). */
export type ExtraBusy = { practitionerId: string; roomId: string; start: number; end: number };

/**
 * The facts grouped per practitioner and room in one pass over each list (no per-practitioner filtering), then the
 * free slots. Active practitioners only, by name; rooms by name.
 */
export function slotsFromFacts(facts: AvailabilityFactsRow, s: SlotSearch, extraBusy: ExtraBusy[]): { slots: Slot[]; practitioners: Named[]; rooms: Named[] } {
  const people = (facts.people ?? []).filter(([, , active]) => active);
  const weekly = groupBy(facts.weekly, (w) => w[0], (w): WeeklyHours => ({ weekday: w[1], startMinute: w[2], endMinute: w[3] }));
  const exceptions = groupBy(facts.exceptions, (e) => e[0], (e): HoursException => ({ kind: e[1], start: e[2], end: e[3] }));
  const licences = groupBy(facts.licences, (c) => c[0], (c): PractitionerCredential => ({ licenceType: c[1], expiresOn: c[2] }));
  const rooms = (facts.rooms ?? []).map(([id, name]) => ({ id, name }));
  const practitionerBusy = new Map<string, Interval[]>();
  const roomBusy = new Map<string, Interval[]>();
  for (const [practitionerId, roomId, start, end] of facts.occupied ?? []) {
    push(practitionerBusy, practitionerId, { start, end });
    if (roomId !== null) push(roomBusy, roomId, { start, end });
  }
  for (const e of extraBusy) {
    push(practitionerBusy, e.practitionerId, { start: e.start, end: e.end });
    push(roomBusy, e.roomId, { start: e.start, end: e.end });
  }
  const from = s.from.getTime();
  const to = s.to.getTime();
  const slots = freeSlots(
    { from, to, durationMin: s.service.durationMin, bufferMin: s.service.bufferMin, medical: s.service.procedureKind === 'medical_needling', notBefore: s.notBefore },
    people.map(([id]) => ({
      id,
      working: workingIntervals({ weekly: weekly.get(id) ?? [], exceptions: exceptions.get(id) ?? [], timeZone: s.timeZone, from, to }),
      busy: mergeIntervals(practitionerBusy.get(id) ?? []),
      medicalUntil: medicalUntil(licences.get(id) ?? [], s.timeZone),
    })),
    rooms.map((r) => ({ id: r.id, busy: mergeIntervals(roomBusy.get(r.id) ?? []) })),
  );
  return { slots, practitioners: people.map(([id, name]) => ({ id, name })), rooms };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<R, T>(rows: R[] | null, key: (row: R) => string, value: (row: R) => T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows ?? []) push(map, key(row), value(row));
  return map;
}

/** The first instant (location's midnight after the expiry date) from which none of the practitioner's medical-depth licences is current. */
function medicalUntil(credentials: PractitionerCredential[], timeZone: string): number | null {
  const lastDay = licensedForDepthThrough(credentials, MEDICAL_DEPTH_THRESHOLD_MM);
  return lastDay === null ? null : localTimeToInstant(addDays(lastDay, 1), 0, timeZone).getTime();
}
