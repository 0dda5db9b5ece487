import { randomUUID } from 'node:crypto';
import { addDays, isoDateInTimeZone, isoWeekday, localTimeToInstant, type IsoDate } from '@skinledger/domain';
import type { DemoRandom } from './demo-random';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The schedule's services by index (demo-schedule.ts): medical needling, cosmetic needling, consultation, follow-up. */
export const SERVICE_MINUTES = [
  { duration: 60, buffer: 15 },
  { duration: 45, buffer: 15 },
  { duration: 30, buffer: 0 },
  { duration: 20, buffer: 0 },
] as const;
export const FOLLOW_UP = 3;
const CONSULTATION = 2;

export interface HistoryPractitioner {
  id: string;
  location: 0 | 1;
  /** ISO weekdays and local hours, as in the weekly hours. */
  days: number[];
  start: number;
  end: number;
  /** Services booked outside the courses (consultations, reviews; needling that did not happen). */
  misc: number[];
  /** Share of the free time that other bookings fill. */
  fill: number;
  /** Days off (days ago, inclusive), recorded as time off. */
  timeOff: [number, number][];
}

export interface PlannedCourse {
  patientId: string;
  practitioner: HistoryPractitioner;
  service: 0 | 1;
  sessions: number;
  intervalWeeks: number;
  startDaysAgo: number;
}

export type VisitStatus = 'completed' | 'cancelled' | 'no_show';

export interface PlannedVisit {
  id: string;
  location: 0 | 1;
  practitioner: HistoryPractitioner;
  patientId: string;
  service: number;
  roomId: string;
  date: IsoDate;
  startsAt: Date;
  endsAt: Date;
  occupiedUntil: Date;
  status: VisitStatus;
  cancelledBy: 'patient' | 'clinic' | null;
  lateCancellation: boolean;
  cancelReason: string | null;
  statusChangedAt: Date;
  source: 'staff' | 'online';
  createdAt: Date;
  /** A course's session (1-based) or its review after the last session. */
  course: { index: number; session: number | 'review' } | null;
  /** The clinic cancelled it because the preflight refused to start (a refusal is recorded for it). */
  refusedAtTheChair: boolean;
}

const PATIENT_CANCEL_REASONS = ['Rescheduled by phone', 'Patient unwell', 'Work commitment', 'Travelling that week', 'Asked to move to a later date'];
const LATE_CANCEL_REASONS = ['Cancelled on the day: childcare', 'Cancelled the evening before: unwell', 'Cancelled on the day: transport'];
const CLINIC_CANCEL_REASONS = ['Practitioner unwell', 'Room out of use: maintenance'];

/** The history's window in a location's calendar: from 364 days ago to 4 days ago (the schedule's week follows it). */
export function historyWindow(timeZone: string, now = new Date()): { first: IsoDate; last: IsoDate; today: IsoDate } {
  const today = isoDateInTimeZone(now, timeZone);
  return { first: addDays(today, -364), last: addDays(today, -4), today };
}

/**
 * A year of the clinic's calendar, planned before anything is written: each course's sessions at its interval and a
 * review six weeks after the last (when that has come), placed in the practitioner's hours and a free room, then the
 * rest of each working day filled with consultations and reviews, some cancelled (a few late), some missed, a share
 * booked online. Laid out practitioner by practitioner with the rooms' busy times, so every row satisfies the
 * booking rules and the exclusion constraints check it anyway.
 */
export function planHistoryCalendar(
  random: DemoRandom,
  p: {
    practitioners: HistoryPractitioner[];
    timeZones: [string, string];
    rooms: [string[], string[]];
    patientIds: string[];
    courses: PlannedCourse[];
    now?: Date;
  },
): PlannedVisit[] {
  const now = p.now ?? new Date();
  const windows = p.timeZones.map((zone) => historyWindow(zone, now));
  const isWorkingDay = (pr: HistoryPractitioner, date: IsoDate) => {
    if (!pr.days.includes(isoWeekday(date))) return false;
    const daysAgo = Math.round((Date.parse(windows[pr.location].today) - Date.parse(date)) / DAY_MS);
    return !pr.timeOff.some(([from, to]) => daysAgo <= from && daysAgo >= to);
  };
  const nextWorkingDay = (pr: HistoryPractitioner, date: IsoDate) => {
    let d = date;
    while (!isWorkingDay(pr, d)) d = addDays(d, 1);
    return d;
  };

  // The fixed visits of each practitioner's day: course sessions and reviews.
  const fixed = new Map<string, { course: number; session: number | 'review'; service: number; patientId: string }[]>();
  const addFixed = (pr: HistoryPractitioner, date: IsoDate, visit: { course: number; session: number | 'review'; service: number; patientId: string }) => {
    const key = `${pr.id}|${date}`;
    fixed.set(key, [...(fixed.get(key) ?? []), visit]);
  };
  for (const [index, c] of p.courses.entries()) {
    const { first, last } = windows[c.practitioner.location];
    let date = nextWorkingDay(c.practitioner, latest(first, addDays(windows[c.practitioner.location].today, -c.startDaysAgo)));
    let lastSession: IsoDate | null = null;
    for (let n = 1; n <= c.sessions && date <= last; n++) {
      addFixed(c.practitioner, date, { course: index, session: n, service: c.service, patientId: c.patientId });
      lastSession = date;
      date = nextWorkingDay(c.practitioner, addDays(date, c.intervalWeeks * 7 + random.int(0, 3)));
    }
    if (lastSession) {
      const review = nextWorkingDay(c.practitioner, addDays(lastSession, 42));
      if (review <= last) addFixed(c.practitioner, review, { course: index, session: 'review', service: FOLLOW_UP, patientId: c.patientId });
    }
  }

  const visits: PlannedVisit[] = [];
  const roomBusy = new Map<string, [number, number][]>();
  for (const pr of p.practitioners) {
    const zone = p.timeZones[pr.location];
    const { first, last } = windows[pr.location];
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if (!isWorkingDay(pr, date)) continue;
      const open = localTimeToInstant(date, pr.start * 60, zone).getTime();
      const close = localTimeToInstant(date, pr.end * 60, zone).getTime();
      const mine: [number, number][] = [];
      const roomFor = (from: number, to: number) =>
        p.rooms[pr.location].find((r) => (roomBusy.get(`${r}|${date}`) ?? []).every(([a, b]) => to <= a || from >= b));
      const place = (start: number, service: number): { room: string; end: number; occupied: number } | null => {
        const end = start + SERVICE_MINUTES[service].duration * MINUTE_MS;
        const occupied = end + SERVICE_MINUTES[service].buffer * MINUTE_MS;
        if (end > close || mine.some(([a, b]) => start < b && occupied > a)) return null;
        const room = roomFor(start, occupied);
        if (!room) return null;
        mine.push([start, occupied]);
        roomBusy.set(`${room}|${date}`, [...(roomBusy.get(`${room}|${date}`) ?? []), [start, occupied]]);
        return { room, end, occupied };
      };
      const slots = Math.floor((close - open) / (30 * MINUTE_MS));
      for (const f of fixed.get(`${pr.id}|${date}`) ?? []) {
        // A random half hour of the day; else the first one free.
        const candidates = [open + random.int(0, slots - 1) * 30 * MINUTE_MS];
        for (let t = open; t < close; t += 15 * MINUTE_MS) candidates.push(t);
        let start = 0;
        let spot: ReturnType<typeof place> = null;
        for (const t of candidates) {
          spot = place(t, f.service);
          if (spot) {
            start = t;
            break;
          }
        }
        if (!spot) continue;
        visits.push(visit(random, { pr, date, start, spot, service: f.service, patientId: f.patientId, course: { index: f.course, session: f.session }, status: 'completed' }));
      }
      let cursor = open;
      for (;;) {
        cursor += random.pick([0, 0, 15, 30, 30, 60]) * MINUTE_MS;
        const service = random.chance(0.03) ? random.pick([0, 1].filter((s) => pr.misc.includes(s))) ?? CONSULTATION : random.pick(pr.misc.filter((s) => s >= CONSULTATION));
        const length = (SERVICE_MINUTES[service].duration + SERVICE_MINUTES[service].buffer) * MINUTE_MS;
        if (cursor + SERVICE_MINUTES[service].duration * MINUTE_MS > close) break;
        const blocking = mine.find(([a, b]) => cursor < b && cursor + length > a);
        if (blocking) {
          cursor = blocking[1];
          continue;
        }
        if (!random.chance(pr.fill)) {
          cursor += length;
          continue;
        }
        const spot = place(cursor, service);
        if (spot) visits.push(visit(random, { pr, date, start: cursor, spot, service, patientId: random.pick(p.patientIds), course: null, status: null }));
        cursor += length;
      }
    }
  }
  return visits;
}

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * One visit with its outcome: course visits happened; other needling bookings are the ones that did not (missed,
 * cancelled, or deferred at the chair when the preflight refused to start); consultations and reviews mostly happened.
 */
function visit(
  random: DemoRandom,
  v: {
    pr: HistoryPractitioner;
    date: IsoDate;
    start: number;
    spot: { room: string; end: number; occupied: number };
    service: number;
    patientId: string;
    course: PlannedVisit['course'];
    status: 'completed' | null;
  },
): PlannedVisit {
  const needling = v.service <= 1;
  const roll = random.next();
  let status: VisitStatus = 'completed';
  let cancelledBy: PlannedVisit['cancelledBy'] = null;
  let late = false;
  let reason: string | null = null;
  let changedAt = v.spot.end;
  let refused = false;
  if (v.status === null) {
    const [noShow, patientCancel, lateCancel, clinicCancel] = needling ? [0.35, 0.7, 0.85, 1] : [0.05, 0.09, 0.12, 0.135];
    if (roll < noShow) {
      status = 'no_show';
      changedAt = v.start + 20 * MINUTE_MS;
    } else if (roll < patientCancel) {
      [status, cancelledBy, reason] = ['cancelled', 'patient', random.pick(PATIENT_CANCEL_REASONS)];
      changedAt = v.start - random.int(2, 10) * DAY_MS;
    } else if (roll < lateCancel) {
      [status, cancelledBy, late, reason] = ['cancelled', 'patient', true, random.pick(LATE_CANCEL_REASONS)];
      changedAt = v.start - random.int(2, 20) * 3_600_000;
    } else if (roll < clinicCancel) {
      [status, cancelledBy] = ['cancelled', 'clinic'];
      refused = needling;
      reason = needling ? 'Treatment deferred at the chair: the safety checklist refused to start' : random.pick(CLINIC_CANCEL_REASONS);
      changedAt = needling ? v.start + 15 * MINUTE_MS : v.start - random.int(1, 3) * DAY_MS;
    }
  }
  const online = v.course === null && v.service !== FOLLOW_UP && random.chance(0.3);
  const bookedAhead = v.course ? 14 + random.int(0, 7) : online ? random.int(1, 30) : random.int(1, 21);
  const createdAt = Math.min(v.start - bookedAhead * DAY_MS + random.int(9, 17) * 3_600_000, changedAt - 3_600_000);
  return {
    id: randomUUID(),
    location: v.pr.location,
    practitioner: v.pr,
    patientId: v.patientId,
    service: v.service,
    roomId: v.spot.room,
    date: v.date,
    startsAt: new Date(v.start),
    endsAt: new Date(v.spot.end),
    occupiedUntil: new Date(v.spot.occupied),
    status,
    cancelledBy,
    lateCancellation: late,
    cancelReason: reason,
    statusChangedAt: new Date(changedAt),
    source: online ? 'online' : 'staff',
    createdAt: new Date(createdAt),
    course: v.course,
    refusedAtTheChair: refused,
  };
}
