import { mergeIntervals, subtractIntervals, type Interval } from '@skinledger/domain';
import type { HeldBlock } from './calendarHolds';

/** What the calendar needs of a practitioner to shade their time (GET /api/schedule's practitioner). */
export interface ShadedPractitioner {
  id: string;
  name: string;
  working: readonly { startsAt: string; endsAt: string }[];
  timeOff: readonly { startsAt: string; endsAt: string; reason: string }[];
}

export interface TimeOffBlock extends Interval {
  label: string;
  /** Someone else still works then (week view): a label, not a closed block. */
  partial: boolean;
}

export interface Shading {
  /** Nobody bookable: outside working hours, or time off. */
  off: Interval[];
  timeOff: TimeOffBlock[];
  /** Slots held by someone booking online (issue 16): busy, not an appointment. */
  held?: HeldBlock[];
}

const span = (i: { startsAt: string; endsAt: string }): Interval => ({ start: Date.parse(i.startsAt), end: Date.parse(i.endsAt) });
const clip = (i: Interval, day: Interval): Interval => ({ start: Math.max(i.start, day.start), end: Math.min(i.end, day.end) });
const within = (day: Interval) => (i: Interval) => i.end > day.start && i.start < day.end;

/** One practitioner's column on a day: shaded where they cannot be booked, time off labelled with its reason. */
export function columnShading(p: ShadedPractitioner, day: Interval): Shading {
  const working = mergeIntervals(p.working.map(span).filter(within(day)).map((w) => clip(w, day)));
  return {
    off: subtractIntervals([day], working),
    timeOff: p.timeOff
      .map((t) => ({ ...clip(span(t), day), reason: t.reason.trim() }))
      .filter((t) => t.end > t.start)
      .map((t) => ({ start: t.start, end: t.end, label: t.reason ? `Time off · ${t.reason}` : 'Time off', partial: false })),
  };
}

/**
 * A day of the week view: shaded where nobody at the location works; each time off labelled with whose it is
 * (one label for several people off at the same time), marked partial where a colleague still works.
 */
export function dayShading(practitioners: readonly ShadedPractitioner[], day: Interval): Shading {
  const working = mergeIntervals(practitioners.flatMap((p) => p.working.map(span)).filter(within(day)).map((w) => clip(w, day)));
  const off = subtractIntervals([day], working);
  const blocks = new Map<string, TimeOffBlock>();
  for (const p of practitioners) {
    for (const t of p.timeOff) {
      const i = clip(span(t), day);
      if (i.end <= i.start) continue;
      const key = `${i.start}-${i.end}`;
      const who = t.reason.trim() ? `${p.name} (${t.reason.trim()})` : p.name;
      const existing = blocks.get(key);
      if (existing) existing.label = `${existing.label}, ${who}`;
      else blocks.set(key, { ...i, label: `Off: ${who}`, partial: subtractIntervals([i], off).length > 0 });
    }
  }
  return { off, timeOff: [...blocks.values()].sort((a, b) => a.start - b.start) };
}

/** "09:00–13:00, 14:30–17:00" or "Not working": a practitioner's bookable time on a day, for the column header. */
export function hoursSummary(p: ShadedPractitioner, day: Interval, clock: (ms: number) => string): string {
  const working = mergeIntervals(p.working.map(span).filter(within(day)).map((w) => clip(w, day)));
  if (working.length === 0) return p.timeOff.some((t) => within(day)(span(t))) ? 'Time off' : 'Not working';
  return working.map((w) => `${clock(w.start)}–${clock(w.end)}`).join(', ');
}
