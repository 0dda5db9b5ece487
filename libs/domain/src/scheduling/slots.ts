import { daysBetween } from '../dates/arithmetic';
import type { IsoDate } from '../dates/iso-date';
import type { Interval } from './intervals';
import { instantToLocal } from './local-time';

/** Availability's grid: free starts are offered every 15 minutes on the wall clock (every IANA offset is a multiple). */
export const SLOT_GRID_MINUTES = 15;
const MINUTE_MS = 60_000;

export interface PractitionerSchedule {
  id: string;
  /** Working time at the location (pattern + extra hours − time off), merged and sorted. */
  working: readonly Interval[];
  /** Time already taken: existing appointments including their buffer, sorted by start. */
  busy: readonly Interval[];
  /** Medical services: the practitioner may treat only starts before this instant (credential expiry); null = no medical credential. */
  medicalUntil?: number | null;
}

export interface RoomSchedule {
  id: string;
  busy: readonly Interval[];
}

export interface SlotRequest {
  from: number;
  to: number;
  durationMin: number;
  bufferMin: number;
  /** A medical-needling service: only practitioners with a current medical credential on the day. */
  medical: boolean;
  /** No start before this instant (e.g. now). */
  notBefore?: number;
  gridMin?: number;
}

export interface Slot {
  start: number;
  end: number;
  practitionerId: string;
  roomId: string;
}

/** Whether [start, end) overlaps nothing in a merged (sorted, non-overlapping) list of intervals: binary search. */
export function isFree(busy: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  // Every interval before `lo` starts before `end`; in a merged (non-overlapping, sorted) list the last of them ends
  // latest, so only it can reach past `start`.
  return lo === 0 || busy[lo - 1].end <= start;
}

/**
 * Free starts on the grid: the treatment [start, start + duration) lies inside the practitioner's working time; the
 * occupied time [start, start + duration + buffer) overlaps none of the practitioner's or the room's appointments
 * (the buffer after an appointment blocks both, as in the database's exclusion constraints). One slot per
 * (start, practitioner), with the first free room.
 */
export function freeSlots(request: SlotRequest, practitioners: readonly PractitionerSchedule[], rooms: readonly RoomSchedule[]): Slot[] {
  const grid = (request.gridMin ?? SLOT_GRID_MINUTES) * MINUTE_MS;
  const duration = request.durationMin * MINUTE_MS;
  const occupied = (request.durationMin + request.bufferMin) * MINUTE_MS;
  const earliest = Math.max(request.from, request.notBefore ?? -Infinity);
  const slots: Slot[] = [];
  for (const p of practitioners) {
    if (request.medical && (p.medicalUntil === null || p.medicalUntil === undefined)) continue;
    for (const w of p.working) {
      const first = Math.ceil(Math.max(w.start, earliest) / grid) * grid;
      for (let start = first; start + duration <= w.end && start < request.to; start += grid) {
        if (request.medical && start >= (p.medicalUntil as number)) break;
        const end = start + occupied;
        if (!isFree(p.busy, start, end)) continue;
        const room = rooms.find((r) => isFree(r.busy, start, end));
        if (room) slots.push({ start, end: start + duration, practitionerId: p.id, roomId: room.id });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start || a.practitionerId.localeCompare(b.practitionerId));
}

/**
 * The slot nearest a course session's target date (domain.md section 3: courses of sessions some weeks apart): the
 * fewest local calendar days away, a later day before an equally distant earlier one (keeping at least the planned
 * interval), then the earliest time that day. Slots before `notBefore` do not count. Undefined when none qualifies.
 */
export function nearestSlot<T extends { start: number }>(slots: readonly T[], targetDate: IsoDate, timeZone: string, notBefore = -Infinity): T | undefined {
  let best: { slot: T; distance: number; later: boolean } | undefined;
  for (const slot of slots) {
    if (slot.start < notBefore) continue;
    const offset = daysBetween(targetDate, instantToLocal(slot.start, timeZone).date);
    const candidate = { slot, distance: Math.abs(offset), later: offset >= 0 };
    if (
      !best ||
      candidate.distance < best.distance ||
      (candidate.distance === best.distance && candidate.later && !best.later) ||
      (candidate.distance === best.distance && candidate.later === best.later && slot.start < best.slot.start)
    ) {
      best = candidate;
    }
  }
  return best?.slot;
}
