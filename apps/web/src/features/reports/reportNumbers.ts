import type { Schemas } from '@skinledger/api-client';

export type OutcomesReport = Schemas['OutcomesByDepthReportDto'];
export type DepthBandOutcome = Schemas['DepthBandOutcomeDto'];
export type CartridgeReport = Schemas['CartridgeReportDto'];
export type CartridgeRow = Schemas['CartridgeReportRowDto'];
export type AppointmentsReport = Schemas['AppointmentsReportDto'];
export type AppointmentRow = Schemas['AppointmentReportRowDto'];

/** A figure the report has no value for (no denominator, or not kept per this grouping). */
export const NO_FIGURE = '—';

const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

/** "26 %", "12.5 %"; the dash when there is nothing to divide by. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : `${oneDecimal(value)} %`;
}

/** An improvement from baseline, signed so that better reads positive: "+26 %", "−8 %", "0 %". */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_FIGURE;
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0 %';
  return `${rounded > 0 ? '+' : '−'}${oneDecimal(Math.abs(rounded))} %`;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : String(value);
}

/** Minutes as hours with one decimal: 90 -> "1.5 h". */
export function formatHours(minutes: number | null | undefined): string {
  return minutes === null || minutes === undefined ? NO_FIGURE : `${oneDecimal(minutes / 60)} h`;
}

/** A depth band's name with its unit: "0.5–1.0 mm", "<0.5 mm". */
export const bandLabel = (band: string) => `${band} mm`;

/** One bar of the outcomes chart: the interquartile range as a floating bar, the median as a mark. */
export interface DepthBandBar {
  band: string;
  /** [25th, 75th] percentile of the improvement, percent; null when no course in the band has two scores. */
  iqr: [number, number] | null;
  median: number | null;
  patients: number;
  tooFewToCompare: boolean;
}

export function depthBandBars(bands: readonly DepthBandOutcome[]): DepthBandBar[] {
  return bands.map((b) => ({
    band: bandLabel(b.band),
    iqr: b.p25ChangePercent === null || b.p75ChangePercent === null ? null : [b.p25ChangePercent, b.p75ChangePercent],
    median: b.medianChangePercent,
    patients: b.patients,
    tooFewToCompare: b.tooFewToCompare,
  }));
}

/** The outcomes chart in one or two sentences, for the figure's description (the table beneath has every number). */
export function outcomesSummary(report: OutcomesReport): string {
  const comparable = report.bands.filter((b) => !b.tooFewToCompare && b.medianChangePercent !== null);
  const tooFew = report.bands.filter((b) => b.tooFewToCompare).map((b) => bandLabel(b.band));
  const parts: string[] = [];
  if (comparable.length === 0) parts.push('No depth band has enough patients to compare.');
  else parts.push(`Median improvement from baseline: ${comparable.map((b) => `${bandLabel(b.band)} ${formatChange(b.medianChangePercent)}`).join(', ')}.`);
  if (tooFew.length > 0 && comparable.length > 0) parts.push(`Too few to compare: ${tooFew.join(', ')}.`);
  return parts.join(' ');
}

/** The cartridges chart in words: totals and the row with the most waste. */
export function cartridgesSummary(report: CartridgeReport): string {
  if (report.rows.length === 0) return 'No cartridge was used or wasted in this range.';
  const used = report.rows.reduce((sum, r) => sum + r.used, 0);
  const wasted = report.rows.reduce((sum, r) => sum + r.wasted, 0);
  const most = [...report.rows].sort((a, b) => b.wasted - a.wasted)[0];
  const tail = most.wasted > 0 ? ` Most wasted: ${most.label} (${most.wasted}).` : '';
  return `${used} cartridges used and ${wasted} wasted in all.${tail}`;
}

/** The appointments charts in words: the whole and the highest no-show rate. */
export function appointmentsSummary(report: AppointmentsReport): string {
  const t = report.total;
  if (t.booked === 0) return 'No appointment started in this range.';
  const worst = [...report.rows].filter((r) => r.noShowPercent !== null).sort((a, b) => (b.noShowPercent ?? 0) - (a.noShowPercent ?? 0))[0];
  const highest = worst && (worst.noShowPercent ?? 0) > 0 ? ` Highest no-show rate: ${worst.label} (${formatPercent(worst.noShowPercent)}).` : '';
  const utilisation = t.utilisationPercent === null ? '' : ` Utilisation ${formatPercent(t.utilisationPercent)}.`;
  return `${t.booked} booked, ${t.completed} completed, ${t.noShows} ${t.noShows === 1 ? 'no-show' : 'no-shows'} (${formatPercent(t.noShowPercent)}), ${t.cancelled} cancelled.${utilisation}${highest}`;
}

/** The no-show trend in words: the whole, then the months with the highest and the lowest rate. */
export function noShowTrendSummary(report: AppointmentsReport): string {
  const t = report.total;
  if (t.booked === 0) return 'No appointment started in this range.';
  const rated = report.rows.filter((r) => r.noShowPercent !== null);
  const head = `${t.booked} booked over ${report.rows.length} ${report.rows.length === 1 ? 'month' : 'months'}, no-show rate ${formatPercent(t.noShowPercent)} overall.`;
  if (rated.length < 2) return head;
  const sorted = [...rated].sort((a, b) => (b.noShowPercent ?? 0) - (a.noShowPercent ?? 0));
  const [highest, lowest] = [sorted[0], sorted[sorted.length - 1]];
  return `${head} Highest: ${highest.label} (${formatPercent(highest.noShowPercent)}); lowest: ${lowest.label} (${formatPercent(lowest.noShowPercent)}).`;
}

/** The heat map in words: the busiest and the quietest hour someone worked, and the whole. */
export function heatMapSummary(report: AppointmentsReport): string {
  const worked = report.rows.filter((r) => r.utilisationPercent !== null);
  if (worked.length === 0) return 'Nobody worked in this range.';
  const sorted = [...worked].sort((a, b) => (b.utilisationPercent ?? 0) - (a.utilisationPercent ?? 0));
  const [busiest, quietest] = [sorted[0], sorted[sorted.length - 1]];
  const outside = report.rows.filter((r) => r.utilisationPercent === null && r.bookedMinutes > 0).length;
  const tail = outside > 0 ? ` ${outside} ${outside === 1 ? 'hour has' : 'hours have'} bookings outside working hours.` : '';
  return `Utilisation ${formatPercent(report.total.utilisationPercent)} overall. Busiest hour: ${busiest.label} (${formatPercent(busiest.utilisationPercent)}); quietest: ${quietest.label} (${formatPercent(quietest.utilisationPercent)}).${tail}`;
}

/** Days from today until a lot expires (both calendar dates), for "in 12 days". */
export function daysLeftWords(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export type SafetyReport = Schemas['SafetyReportDto'];
export type AdverseEventRate = Schemas['AdverseEventRateDto'];
export type ConsentCoverage = Schemas['ConsentCoverageDto'];

/** Adverse events per 100 sessions: "2.5", or the dash without sessions. */
export function formatPer100(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : oneDecimal(value);
}

/** The safety chart in words. */
export function safetySummary(report: SafetyReport): string {
  if (report.sessions === 0) return 'No signed session in this range.';
  const highest = [...report.byDepthBand].filter((b) => (b.per100Sessions ?? 0) > 0).sort((a, b) => (b.per100Sessions ?? 0) - (a.per100Sessions ?? 0))[0];
  const head = `${report.adverseEvents} adverse ${report.adverseEvents === 1 ? 'event' : 'events'} after ${report.sessions} sessions (${formatPer100(report.adverseEventsPer100Sessions)} per 100).`;
  return highest ? `${head} Highest by depth: ${highest.label} (${formatPer100(highest.per100Sessions)} per 100).` : head;
}
