import { contrastRatio, weekdayHourKey } from '@skinledger/domain';
import type { AppointmentRow } from './reportNumbers';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface HeatMapGrid {
  /** The hours of the day shown as columns: from the earliest to the latest hour with anything in it, none skipped. */
  hours: number[];
  /** Monday to Sunday, each with one entry per column hour (null where nobody worked and nothing was booked). */
  weekdays: { weekday: number; name: string; cells: (AppointmentRow | null)[] }[];
}

/** The appointments report per weekday and hour (keys "1-09") laid out as a week: weekday rows, hour columns. */
export function heatMapGrid(rows: readonly AppointmentRow[]): HeatMapGrid {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const hoursUsed = rows.map((r) => Number(r.key.slice(2))).filter((h) => Number.isInteger(h));
  if (hoursUsed.length === 0) return { hours: [], weekdays: [] };
  const first = Math.min(...hoursUsed);
  const last = Math.max(...hoursUsed);
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const weekdays = WEEKDAY_NAMES.map((name, i) => ({ weekday: i + 1, name, cells: hours.map((h) => byKey.get(weekdayHourKey(i + 1, h)) ?? null) }));
  return { hours, weekdays };
}

/** The shades of a heat-map cell, lightest to darkest, and what each one means. */
export const HEAT_LEVELS = [
  { label: '0 %', shade: 0 },
  { label: 'under 25 %', shade: 1 },
  { label: '25–49 %', shade: 2 },
  { label: '50–74 %', shade: 4 },
  { label: '75–99 %', shade: 7 },
  { label: '100 % or more', shade: 9 },
] as const;

/** Which of HEAT_LEVELS a utilisation falls in; null when there were no working hours to compare with. */
export function heatLevel(utilisationPercent: number | null): number | null {
  if (utilisationPercent === null) return null;
  if (utilisationPercent <= 0) return 0;
  if (utilisationPercent < 25) return 1;
  if (utilisationPercent < 50) return 2;
  if (utilisationPercent < 75) return 3;
  if (utilisationPercent < 100) return 4;
  return 5;
}

/** Dark or white text, whichever reads better on the cell's colour (the number must stay readable on every shade). */
export function textOn(background: string, dark: string, light = '#ffffff'): string {
  return contrastRatio(background, light) >= contrastRatio(background, dark) ? light : dark;
}
