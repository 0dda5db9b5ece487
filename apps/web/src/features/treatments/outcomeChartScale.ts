import { parseIsoDate } from '@skinledger/domain';

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** A linear scale from a domain to a pixel range. */
export function linear(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The time domain of the chart: every assessment and session date, padded; a single day is widened to a month. */
export function timeDomain(dates: string[]): [number, number] {
  const days = dates.map(dayNumber);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const pad = Math.max(7, (hi - lo) * 0.05);
  return hi - lo < 1 ? [lo - 15, hi + 15] : [lo - pad, hi + pad];
}

/**
 * The score axis: the whole scale when it is short (grades 1–4, 0–10), else the scores' range padded, kept inside
 * the scale, so a change from 24 to 18 on a 0–84 score is visible.
 */
export function scoreDomain(scores: number[], min: number, max: number): [number, number] {
  if (max - min <= 10 || scores.length === 0) return [min, max];
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const pad = Math.max((max - min) * 0.05, (hi - lo) * 0.5);
  return [Math.max(min, Math.floor(lo - pad)), Math.min(max, Math.ceil(hi + pad))];
}

/** Round tick values across a score range (at most ~5). */
export function scoreTicks(min: number, max: number): number[] {
  const span = max - min;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}
