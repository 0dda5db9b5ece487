import { addDays, addMonths, type IsoDate } from '../dates';
import type { MedicalHistoryDateField } from './answers';

/** A lookback window after the last exposure, in whole days or whole calendar months. */
export type WindowLength = { days: number } | { months: number };

export const WINDOW_RULE_CODES = [
  'isotretinoin_window',
  'radiation_window',
  'dermal_filler_window',
  'botulinum_toxin_window',
  'chemical_peel_window',
  'laser_ipl_window',
  'sunburn_window',
  'topical_retinoid_window',
  'waxing_window',
  'recent_scar_window',
] as const;
export type WindowRuleCode = (typeof WINDOW_RULE_CODES)[number];

export interface WindowRule {
  code: WindowRuleCode;
  field: MedicalHistoryDateField;
  /** Default window (domain.md section 4). */
  defaultLength: WindowLength;
  /** Clinic-readable description of the exposure, e.g. "Oral isotretinoin within 6 months of the last dose (Aug 25, 2026)"; the date comes formatted for people. */
  describe: (lengthText: string, lastOn: string) => string;
}

/** Time windows of domain.md section 4 (isotretinoin is listed there as absolute, with a 6-month default window). */
export const WINDOW_RULES: readonly WindowRule[] = [
  { code: 'isotretinoin_window', field: 'isotretinoinLastDoseOn', defaultLength: { months: 6 },
    describe: (len, on) => `Oral isotretinoin within ${len} of the last dose (${on})` },
  { code: 'radiation_window', field: 'radiationToAreaLastOn', defaultLength: { months: 3 },
    describe: (len, on) => `Radiation to the treatment area within ${len} of the last exposure (${on})` },
  { code: 'dermal_filler_window', field: 'dermalFillerInAreaLastOn', defaultLength: { months: 6 },
    describe: (len, on) => `Dermal filler in the treatment area within ${len} of the last injection (${on})` },
  { code: 'botulinum_toxin_window', field: 'botulinumToxinLastOn', defaultLength: { days: 14 },
    describe: (len, on) => `Botulinum toxin within ${len} of the last injection (${on})` },
  { code: 'chemical_peel_window', field: 'chemicalPeelLastOn', defaultLength: { days: 30 },
    describe: (len, on) => `Chemical peel within ${len} of the last peel (${on})` },
  { code: 'laser_ipl_window', field: 'laserOrIplLastOn', defaultLength: { days: 14 },
    describe: (len, on) => `Laser or IPL treatment within ${len} of the last session (${on})` },
  { code: 'sunburn_window', field: 'sunburnLastOn', defaultLength: { days: 14 },
    describe: (len, on) => `Sunburn within the last ${len} (${on})` },
  { code: 'topical_retinoid_window', field: 'topicalRetinoidLastOn', defaultLength: { days: 7 },
    describe: (len, on) => `Topical retinoid within ${len} of the last application (${on})` },
  { code: 'waxing_window', field: 'waxingLastOn', defaultLength: { days: 3 },
    describe: (len, on) => `Waxing within ${len} of the last waxing (${on})` },
  { code: 'recent_scar_window', field: 'scarInAreaFormedOn', defaultLength: { months: 6 },
    describe: (len, on) => `Scar in the treatment area younger than ${len} (formed ${on})` },
];

/** "14 days", "1 month", "6 months". */
export function formatWindowLength(length: WindowLength): string {
  const [amount, unit] = 'days' in length ? [length.days, 'day'] : [length.months, 'month'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * The first date on which the window after an exposure has lapsed: last exposure + window (months clamp to the end
 * of a shorter month). Every date before it is blocked; e.g. a 3-day waxing window after 2026-03-10 blocks
 * 2026-03-10..2026-03-12 and is eligible from 2026-03-13.
 */
export function windowEligibleFrom(lastExposureOn: IsoDate, length: WindowLength): IsoDate {
  return 'days' in length ? addDays(lastExposureOn, length.days) : addMonths(lastExposureOn, length.months);
}

export function isValidWindowLength(length: WindowLength): boolean {
  const amount = 'days' in length ? length.days : length.months;
  return Number.isInteger(amount) && amount >= 0;
}
