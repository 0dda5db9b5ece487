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
  /** The first free room (in the rooms' order). */
  roomId: string;
  /** Every room free for the whole occupied time, in the rooms' order (the first is roomId). */
  roomIds: string[];
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
 * (start, practitioner), with the first free room and every free room; by start, then practitioner id.
 *
 * Linear over sorted intervals: a practitioner's starts only increase, so one cursor per busy list (the
 * practitioner's and each room's) moves forward past what ended, never back.
 */
export function freeSlots(request: SlotRequest, practitioners: readonly PractitionerSchedule[], rooms: readonly RoomSchedule[]): Slot[] {
  const grid = (request.gridMin ?? SLOT_GRID_MINUTES) * MINUTE_MS;
  const duration = request.durationMin * MINUTE_MS;
  const occupied = (request.durationMin + request.bufferMin) * MINUTE_MS;
  const earliest = Math.max(request.from, request.notBefore ?? -Infinity);
  const slots: Slot[] = [];
  const roomCursors = rooms.map((r) => new BusyCursor(r.busy));
  // In id order here, so the stable sort by start below keeps equal starts in id order.
  const ordered = [...practitioners].sort((a, b) => a.id.localeCompare(b.id));
  for (const p of ordered) {
    if (request.medical && (p.medicalUntil === null || p.medicalUntil === undefined)) continue;
    const own = new BusyCursor(p.busy);
    for (const c of roomCursors) c.rewind();
    for (const w of p.working) {
      const first = Math.ceil(Math.max(w.start, earliest) / grid) * grid;
      for (let start = first; start + duration <= w.end && start < request.to; start += grid) {
        if (request.medical && start >= (p.medicalUntil as number)) break;
        const end = start + occupied;
        if (!own.isFree(start, end)) continue;
        const free: string[] = [];
        for (let i = 0; i < roomCursors.length; i++) if (roomCursors[i].isFree(start, end)) free.push(rooms[i].id);
        if (free.length > 0) slots.push({ start, end: start + duration, practitionerId: p.id, roomId: free[0], roomIds: free });
      }
    }
  }
  // One sorted run per practitioner: the (stable) sort merges them.
  return slots.sort((a, b) => a.start - b.start);
}

/** Whether [start, end) is free in a merged, sorted busy list, for queries whose start never decreases. */
class BusyCursor {
  private next = 0;

  constructor(private readonly busy: readonly Interval[]) {}

  rewind(): void {
    this.next = 0;
  }

  isFree(start: number, end: number): boolean {
    // Intervals ended by `start` can overlap no later query either.
    while (this.next < this.busy.length && this.busy[this.next].end <= start) this.next++;
    return this.next === this.busy.length || this.busy[this.next].start >= end;
  }
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

/** Parts of the day a patient may prefer, as windows of the appointment's local start (minutes after midnight). */
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const TIME_OF_DAY_WINDOWS: Record<TimeOfDay, { fromMinute: number; toMinute: number }> = {
  morning: { fromMinute: 0, toMinute: 12 * 60 },
  afternoon: { fromMinute: 12 * 60, toMinute: 17 * 60 },
  evening: { fromMinute: 17 * 60, toMinute: 24 * 60 },
};

export const TIME_OF_DAY_LABELS: Record<TimeOfDay, string> = {
  morning: 'Morning (starts before 12:00)',
  afternoon: 'Afternoon (starts 12:00–17:00)',
  evening: 'Evening (starts from 17:00)',
};

/** What a course's patient prefers: a window for the local start time [fromMinute, toMinute) and a practitioner. */
export interface SlotPreference {
  window?: { fromMinute: number; toMinute: number } | null;
  practitionerId?: string | null;
}

/** Whether a slot starts inside the preferred window (local wall clock) and is with the preferred practitioner. */
export function slotMatchesPreference(slot: { start: number; practitionerId: string }, timeZone: string, preference: SlotPreference): { time: boolean; practitioner: boolean } {
  const minutes = instantToLocal(slot.start, timeZone).minutes;
  const w = preference.window;
  return {
    time: !w || (minutes >= w.fromMinute && minutes < w.toMinute),
    practitioner: !preference.practitionerId || slot.practitionerId === preference.practitionerId,
  };
}

/**
 * The slot for a course session (domain.md section 3) when the patient has preferences: among the slots that keep
 * the preferred time of day and practitioner, the nearest to the target date (nearestSlot's order); when none does,
 * those that keep the time of day with another practitioner, then the practitioner at another time, then any.
 * A patient who can come only in the afternoon is better served a week from the target than at 08:00 on it, and
 * the time of day weighs more than who treats. `matches` says which preferences the chosen slot keeps.
 */
export function preferredSlot<T extends { start: number; practitionerId: string }>(
  slots: readonly T[],
  targetDate: IsoDate,
  timeZone: string,
  preference: SlotPreference,
  notBefore = -Infinity,
): { slot: T; matches: { time: boolean; practitioner: boolean } } | undefined {
  const tiers: ((m: { time: boolean; practitioner: boolean }) => boolean)[] = [
    (m) => m.time && m.practitioner,
    (m) => m.time,
    (m) => m.practitioner,
    () => true,
  ];
  const judged = slots.map((slot) => ({ slot, matches: slotMatchesPreference(slot, timeZone, preference) }));
  for (const keeps of tiers) {
    const candidates = judged.filter((j) => keeps(j.matches));
    const slot = nearestSlot(candidates.map((c) => c.slot), targetDate, timeZone, notBefore);
    if (slot) return { slot, matches: judged[judged.findIndex((j) => j.slot === slot)].matches };
  }
  return undefined;
}
