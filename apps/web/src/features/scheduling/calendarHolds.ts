import type { Interval } from '@skinledger/domain';

/** A live online hold as GET /api/schedule gives it: busy time with no patient yet. */
export interface ScheduleHold {
  id: string;
  practitionerId: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
}

export interface HeldBlock extends Interval {
  id: string;
  label: string;
}

/**
 * The holds drawn in one calendar column: "Held online · expires 10:42". Only the time and when it lapses: the person
 * holding it has not proved her e-mail yet and may never book, so staff see no name (the API sends none).
 */
export function heldBlocks(
  holds: readonly ScheduleHold[],
  day: Interval,
  inColumn: (h: ScheduleHold) => boolean,
  clock: (ms: number) => string,
): HeldBlock[] {
  return holds
    .filter(inColumn)
    .map((h) => ({ id: h.id, start: Math.max(Date.parse(h.startsAt), day.start), end: Math.min(Date.parse(h.endsAt), day.end), expiresAt: Date.parse(h.expiresAt) }))
    .filter((h) => h.end > h.start)
    .map((h) => ({ id: h.id, start: h.start, end: h.end, label: `Held online · expires ${clock(h.expiresAt)}` }));
}
