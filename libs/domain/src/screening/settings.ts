import type { ProcedureKind } from '../treatment/depth';
import { DEFAULT_ANTICOAGULANT_MEDICATION_NAMES, DEFAULT_ISOTRETINOIN_MEDICATION_NAMES } from './medications';
import { DEFAULT_RULE_SEVERITY, LOCKED_ABSOLUTE_RULES, SCREENING_RULE_CODES, type RuleSeverity, type ScreeningRuleCode } from './rules';
import { isValidWindowLength, WINDOW_RULES, type WindowLength, type WindowRuleCode } from './windows';

export type FitzpatrickType = 1 | 2 | 3 | 4 | 5 | 6;

export interface ScreeningSettings {
  /** Severity of each rule. */
  severity: Readonly<Record<ScreeningRuleCode, RuleSeverity>>;
  /** Per-procedure severities that take precedence over `severity`, e.g. relax a relative rule for cosmetic needling only. */
  severityByProcedure: Readonly<Partial<Record<ProcedureKind, Readonly<Partial<Record<ScreeningRuleCode, RuleSeverity>>>>>>;
  /** Lookback window after the last exposure, per time-window rule (domain.md section 4). */
  windows: Readonly<Record<WindowRuleCode, WindowLength>>;
  /** A history recorded more than this many days before the treatment date is stale: warn. Default 90. */
  historyMaxAgeDays: number;
  /** Phototypes from this one up carry a higher risk of post-inflammatory hyperpigmentation (section 4: V-VI). */
  pihRiskMinFitzpatrickType: FitzpatrickType;
  /** Antiviral prophylaxis starts this many days before treatment for herpes simplex history (section 4: 2). */
  antiviralProphylaxisDaysBefore: number;
  /** Names that mark a listed medication as an anticoagulant or antiplatelet. */
  anticoagulantMedicationNames: readonly string[];
  /** Names that mark a listed medication as oral isotretinoin. */
  isotretinoinMedicationNames: readonly string[];
}

/** Defaults from domain.md section 4. Every number is an organization-configurable default. */
export const DEFAULT_SCREENING_SETTINGS: Readonly<ScreeningSettings> = Object.freeze({
  severity: DEFAULT_RULE_SEVERITY,
  severityByProcedure: {},
  windows: Object.freeze(
    Object.fromEntries(WINDOW_RULES.map((rule) => [rule.code, rule.defaultLength])) as Record<WindowRuleCode, WindowLength>,
  ),
  historyMaxAgeDays: 90,
  pihRiskMinFitzpatrickType: 5,
  antiviralProphylaxisDaysBefore: 2,
  anticoagulantMedicationNames: DEFAULT_ANTICOAGULANT_MEDICATION_NAMES,
  isotretinoinMedicationNames: DEFAULT_ISOTRETINOIN_MEDICATION_NAMES,
});

/** Organization overrides: any subset; severities and windows merge rule by rule over the defaults. */
export interface ScreeningSettingsInput
  extends Partial<Omit<ScreeningSettings, 'severity' | 'windows'>> {
  severity?: Partial<Record<ScreeningRuleCode, RuleSeverity | undefined>>;
  windows?: Partial<Record<WindowRuleCode, WindowLength | undefined>>;
}

const SEVERITIES: readonly RuleSeverity[] = ['absolute', 'relative', 'off'];

/** Bounds on configurable numbers: a window of zero or of decades would silently disable or freeze screening. */
export const SCREENING_SETTING_BOUNDS = {
  windowDays: { min: 1, max: 3650 },
  windowMonths: { min: 1, max: 120 },
  /** domain.md section 4: sources give 3 months to 1 year after the last oral isotretinoin dose. */
  isotretinoinMinMonths: 3,
  historyMaxAgeDays: { min: 1, max: 3650 },
  antiviralProphylaxisDaysBefore: { min: 0, max: 30 },
} as const;

function windowLengthProblem(code: string, length: WindowLength): string | undefined {
  const b = SCREENING_SETTING_BOUNDS;
  if ('days' in length) {
    if (length.days < b.windowDays.min || length.days > b.windowDays.max) return `windows: ${code} must be ${b.windowDays.min} to ${b.windowDays.max} days`;
    if (code === 'isotretinoin_window' && length.days < b.isotretinoinMinMonths * 30) return `windows: isotretinoin_window must be at least ${b.isotretinoinMinMonths} months`;
  } else {
    if (length.months < b.windowMonths.min || length.months > b.windowMonths.max) return `windows: ${code} must be ${b.windowMonths.min} to ${b.windowMonths.max} months`;
    if (code === 'isotretinoin_window' && length.months < b.isotretinoinMinMonths) return `windows: isotretinoin_window must be at least ${b.isotretinoinMinMonths} months`;
  }
  return undefined;
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Problems with a settings override, as readable messages; empty when valid. */
export function validateScreeningSettings(input: ScreeningSettingsInput): string[] {
  const errors: string[] = [];
  const checkSeverities = (map: Partial<Record<string, RuleSeverity | undefined>> | undefined, where: string) => {
    for (const [code, severity] of Object.entries(map ?? {})) {
      if (!(SCREENING_RULE_CODES as readonly string[]).includes(code)) errors.push(`${where}: unknown rule "${code}"`);
      else if (severity !== undefined && !SEVERITIES.includes(severity)) errors.push(`${where}: invalid severity "${severity}" for ${code}`);
      else if (severity !== undefined && severity !== 'absolute' && LOCKED_ABSOLUTE_RULES.includes(code as ScreeningRuleCode)) {
        errors.push(`${where}: ${code} is an absolute contraindication and always blocks`);
      }
    }
  };
  checkSeverities(input.severity, 'severity');
  for (const [procedure, map] of Object.entries(input.severityByProcedure ?? {})) {
    if (procedure !== 'cosmetic' && procedure !== 'medical') errors.push(`severityByProcedure: unknown procedure "${procedure}"`);
    checkSeverities(map, `severityByProcedure.${procedure}`);
  }
  for (const [code, length] of Object.entries(input.windows ?? {})) {
    if (!WINDOW_RULES.some((rule) => rule.code === code)) errors.push(`windows: unknown window "${code}"`);
    else if (length !== undefined && !isValidWindowLength(length)) errors.push(`windows: ${code} must be a whole number of days or months`);
    else if (length !== undefined) {
      const problem = windowLengthProblem(code, length);
      if (problem) errors.push(problem);
    }
  }
  const age = SCREENING_SETTING_BOUNDS.historyMaxAgeDays;
  if (input.historyMaxAgeDays !== undefined && !inRange(input.historyMaxAgeDays, age)) {
    errors.push(`historyMaxAgeDays must be a whole number from ${age.min} to ${age.max}`);
  }
  const minType = input.pihRiskMinFitzpatrickType;
  if (minType !== undefined && !(Number.isInteger(minType) && minType >= 1 && minType <= 6)) {
    errors.push('pihRiskMinFitzpatrickType must be 1 to 6');
  }
  const daysBefore = input.antiviralProphylaxisDaysBefore;
  const prophylaxis = SCREENING_SETTING_BOUNDS.antiviralProphylaxisDaysBefore;
  if (daysBefore !== undefined && !inRange(daysBefore, prophylaxis)) {
    errors.push(`antiviralProphylaxisDaysBefore must be a whole number from ${prophylaxis.min} to ${prophylaxis.max}`);
  }
  return errors;
}

/** Defaults merged with an override; throws a RangeError listing the problems when the override is invalid. */
export function resolveScreeningSettings(input: ScreeningSettingsInput = {}): ScreeningSettings {
  const errors = validateScreeningSettings(input);
  if (errors.length > 0) throw new RangeError(`Invalid screening settings: ${errors.join('; ')}`);
  // Entries explicitly set to undefined keep the default.
  const defined = <T extends object>(map: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } =>
    Object.fromEntries(Object.entries(map ?? {}).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
  return {
    ...DEFAULT_SCREENING_SETTINGS,
    ...defined(input),
    severity: { ...DEFAULT_SCREENING_SETTINGS.severity, ...defined(input.severity) },
    severityByProcedure: input.severityByProcedure ?? DEFAULT_SCREENING_SETTINGS.severityByProcedure,
    windows: { ...DEFAULT_SCREENING_SETTINGS.windows, ...defined(input.windows) },
  };
}

/** The severity a rule has for a procedure kind. */
export function ruleSeverityFor(settings: ScreeningSettings, code: ScreeningRuleCode, procedure: ProcedureKind): RuleSeverity {
  return settings.severityByProcedure[procedure]?.[code] ?? settings.severity[code];
}
