import type { ScreeningCode } from '../codes/screening';
import { addDays, daysBetween, isIsoDate, latestDate, type IsoDate } from '../dates';
import type { ProcedureKind } from '../treatment/depth';
import type { ClinicLocale } from '../locale/clinic-locale';
import { readable, type Readable } from '../locale/readable';
import { allergiesOfClass } from './allergies';
import type { MedicalHistoryAnswers } from './answers';
import { medicationsMatching } from './medications';
import { MEDICAL_HISTORY_FIELDS } from './fields';
import { BOOLEAN_RULES, type ScreeningRuleCode } from './rules';
import {
  resolveScreeningSettings,
  ruleSeverityFor,
  type FitzpatrickType,
  type ScreeningSettings,
  type ScreeningSettingsInput,
} from './settings';
import { formatWindowLength, WINDOW_RULES, windowEligibleFrom } from './windows';


export interface ScreeningBlocker {
  code: ScreeningCode;
  message: string;
  /** Time-window blockers only: the first date on which this window has lapsed (not the last blocked day). */
  eligibleFrom?: IsoDate;
}

/** A relative contraindication: the practitioner must acknowledge it with a reason to proceed (domain.md section 4). */
export interface ScreeningWarning {
  code: ScreeningCode;
  message: string;
}

export interface ScreeningResult {
  /** True when nothing blocks treatment on the date (warnings may remain). */
  eligible: boolean;
  blockers: ScreeningBlocker[];
  warnings: ScreeningWarning[];
  /**
   * The first date on which every blocker has lapsed. Present only when there is at least one blocker and every
   * blocker is a time window; absent when eligible or when any blocker does not lapse by itself.
   */
  eligibleFrom?: IsoDate;
}

export interface ScreenPatientInput {
  /** The medical history; null or undefined when none is on file. */
  answers: MedicalHistoryAnswers | null | undefined;
  fitzpatrickType?: FitzpatrickType | undefined;
  procedure: ProcedureKind;
  /** The treatment date being screened. */
  onDate: IsoDate;
  /** When the history was recorded or last reviewed; without it, staleness is not checked. */
  historyRecordedOn?: IsoDate | undefined;
  settings?: ScreeningSettingsInput | undefined;
  /** The clinic's English variant, for the dates in the messages (the dates themselves are in `eligibleFrom`). */
  locale?: ClinicLocale | undefined;
}

interface Finding {
  /** null: always a blocker, whatever the settings. */
  rule: ScreeningRuleCode | null;
  code: ScreeningCode;
  message: string;
  eligibleFrom?: IsoDate;
}

const ROMAN_PHOTOTYPES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

function isFitzpatrickType(value: unknown): value is FitzpatrickType {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
}

function listOf(items: readonly string[]): string {
  return items.length > 0 ? ` (${items.join(', ')})` : '';
}

function fieldLabel(field: keyof MedicalHistoryAnswers): string {
  return MEDICAL_HISTORY_FIELDS.find((f) => f.field === field)?.label ?? field;
}

function windowFindings(answers: MedicalHistoryAnswers, onDate: IsoDate, settings: ScreeningSettings, words: Readable): Finding[] {
  const findings: Finding[] = [];
  for (const rule of WINDOW_RULES) {
    const lastOn = answers[rule.field];
    if (lastOn === null || lastOn === undefined || lastOn === '') continue;
    if (!isIsoDate(lastOn)) {
      findings.push({
        rule: null,
        code: 'invalid_history_date',
        message: `${fieldLabel(rule.field)}: "${lastOn}" is not a valid YYYY-MM-DD date; correct the medical history`,
      });
      continue;
    }
    const length = settings.windows[rule.code];
    const eligibleFrom = windowEligibleFrom(lastOn, length);
    // Blocked on every date before eligibleFrom, including the exposure day (domain.md section 4: "eligible from").
    if (onDate < eligibleFrom) {
      findings.push({
        rule: rule.code,
        code: rule.code,
        message: `${rule.describe(formatWindowLength(length), words.date(lastOn))}; eligible from ${words.date(eligibleFrom)}`,
        eligibleFrom,
      });
    }
  }
  return findings;
}

function medicationFindings(answers: MedicalHistoryAnswers, settings: ScreeningSettings): Finding[] {
  const findings: Finding[] = [];
  const medications = answers.medications ?? [];
  const isotretinoin = medicationsMatching(medications, settings.isotretinoinMedicationNames);
  if (isotretinoin.length > 0 && !answers.isotretinoinLastDoseOn) {
    findings.push({
      rule: 'isotretinoin_window',
      code: 'isotretinoin_current',
      message: `Oral isotretinoin in the medication list${listOf(isotretinoin)} with no last-dose date; record the date of the last dose`,
    });
  }
  const anticoagulants = medicationsMatching(medications, settings.anticoagulantMedicationNames);
  if (answers.anticoagulantsOrAntiplatelets === true || anticoagulants.length > 0) {
    findings.push({
      rule: 'anticoagulants',
      code: 'anticoagulants',
      message: `Takes anticoagulants or antiplatelets${listOf(anticoagulants)}: higher bleeding and bruising risk`,
    });
  }
  return findings;
}

function allergyFindings(answers: MedicalHistoryAnswers): Finding[] {
  const findings: Finding[] = [];
  const allergies = answers.allergies ?? [];
  const nickel = allergiesOfClass(allergies, 'nickel');
  if (answers.nickelOrStainlessSteelAllergy === true || nickel.length > 0) {
    findings.push({ rule: 'nickel_allergy', code: 'nickel_allergy', message: `Allergy to nickel or stainless steel${listOf(nickel)}: the needles are stainless steel` });
  }
  // Anaesthetic allergies by class (domain.md section 5): lidocaine is an amide; benzocaine and tetracaine are esters.
  const amide = allergiesOfClass(allergies, 'amide_anesthetic');
  if (amide.length > 0) {
    findings.push({ rule: 'amide_anesthetic_allergy', code: 'amide_anesthetic_allergy', message: `Allergy to an amide local anaesthetic${listOf(amide)}: avoid lidocaine products, including lidocaine/tetracaine and BLT` });
  }
  const ester = allergiesOfClass(allergies, 'ester_anesthetic');
  if (ester.length > 0) {
    findings.push({ rule: 'ester_anesthetic_allergy', code: 'ester_anesthetic_allergy', message: `Allergy to an ester local anaesthetic${listOf(ester)}: avoid benzocaine and tetracaine products, including lidocaine/tetracaine and BLT` });
  }
  const latex = allergiesOfClass(allergies, 'latex');
  if (latex.length > 0) {
    findings.push({ rule: 'latex_allergy', code: 'latex_allergy', message: `Latex allergy${listOf(latex)}: use latex-free gloves and supplies` });
  }
  const other = allergiesOfClass(allergies, 'other');
  if (other.length > 0) {
    findings.push({ rule: 'other_allergy', code: 'other_allergy', message: `Other allergies recorded${listOf(other)}: check every topical product and serum used` });
  }
  return findings;
}

function relativeFindings(input: ScreenPatientInput, answers: MedicalHistoryAnswers, settings: ScreeningSettings, words: Readable): Finding[] {
  const findings: Finding[] = [];
  if (answers.herpesSimplexHistory === true) {
    const daysBefore = settings.antiviralProphylaxisDaysBefore;
    const from = daysBefore > 0 ? `${daysBefore} day${daysBefore === 1 ? '' : 's'} before (from ${words.date(addDays(input.onDate, -daysBefore))}) and ` : '';
    findings.push({
      rule: 'herpes_simplex_history',
      code: 'herpes_simplex_history',
      message: `History of herpes simplex: antiviral prophylaxis ${from}on the treatment day (${words.date(input.onDate)})`,
    });
  }
  // Darker phototypes (V-VI by default): higher risk of post-inflammatory hyperpigmentation (domain.md section 4).
  if (isFitzpatrickType(input.fitzpatrickType)) {
    if (input.fitzpatrickType >= settings.pihRiskMinFitzpatrickType) {
      findings.push({
        rule: 'dark_phototype',
        code: 'dark_phototype',
        message: `Fitzpatrick phototype ${ROMAN_PHOTOTYPES[input.fitzpatrickType - 1]}: higher risk of post-inflammatory hyperpigmentation`,
      });
    }
  } else {
    findings.push({
      rule: 'phototype_unknown',
      code: 'phototype_unknown',
      message: 'Fitzpatrick phototype not recorded: the risk of post-inflammatory hyperpigmentation cannot be assessed',
    });
  }
  const freeText = (answers.freeText ?? '').trim();
  if (freeText) {
    const excerpt = freeText.length > 120 ? `${freeText.slice(0, 117)}...` : freeText;
    findings.push({ rule: 'free_text_present', code: 'free_text_present', message: `Review the patient's notes in the medical history: "${excerpt}"` });
  }
  return findings;
}

function staleHistoryFindings(input: ScreenPatientInput, settings: ScreeningSettings, words: Readable): Finding[] {
  if (input.historyRecordedOn === undefined) return [];
  const ageDays = daysBetween(input.historyRecordedOn, input.onDate);
  if (ageDays <= settings.historyMaxAgeDays) return [];
  return [{
    rule: 'history_stale',
    code: 'history_stale',
    message: `Medical history recorded on ${words.date(input.historyRecordedOn)} is ${ageDays} days old (more than ${settings.historyMaxAgeDays}); review it with the patient`,
  }];
}

/**
 * Screens a patient's medical history for a treatment date (domain.md section 4; allergy classes section 5).
 * Absolute contraindications and unexpired time windows block; relative ones warn. Each rule's severity
 * (absolute/relative/off) and each window's length come from settings. Isotretinoin applies to cosmetic and
 * medical needling alike by default: section 4 makes no distinction and both break the skin; an organization can
 * relax it for cosmetic needling through `severityByProcedure`.
 * Throws a RangeError when onDate or historyRecordedOn is malformed or the settings are invalid.
 */
export function screenPatient(input: ScreenPatientInput): ScreeningResult {
  if (!isIsoDate(input.onDate)) throw new RangeError(`onDate must be YYYY-MM-DD, got "${input.onDate}"`);
  if (input.historyRecordedOn !== undefined && !isIsoDate(input.historyRecordedOn)) {
    throw new RangeError(`historyRecordedOn must be YYYY-MM-DD, got "${input.historyRecordedOn}"`);
  }
  const settings = resolveScreeningSettings(input.settings);
  const words = readable(input.locale);
  const { answers } = input;
  if (!answers) {
    return {
      eligible: false,
      blockers: [{ code: 'history_missing', message: 'No medical history on file: record it before treatment' }],
      warnings: [],
    };
  }

  const findings: Finding[] = [
    ...BOOLEAN_RULES.filter((rule) => answers[rule.field] === true).map((rule) => ({ rule: rule.code, code: rule.code, message: rule.message })),
    ...allergyFindings(answers),
    ...windowFindings(answers, input.onDate, settings, words),
    ...medicationFindings(answers, settings),
    ...relativeFindings(input, answers, settings, words),
    ...staleHistoryFindings(input, settings, words),
  ];

  const blockers: ScreeningBlocker[] = [];
  const warnings: ScreeningWarning[] = [];
  for (const found of findings) {
    const finding = { ...found, message: words.spell(found.message) };
    const severity = finding.rule === null ? 'absolute' : ruleSeverityFor(settings, finding.rule, input.procedure);
    if (severity === 'absolute') {
      blockers.push(finding.eligibleFrom ? { code: finding.code, message: finding.message, eligibleFrom: finding.eligibleFrom } : { code: finding.code, message: finding.message });
    } else if (severity === 'relative') {
      warnings.push({ code: finding.code, message: finding.message });
    }
  }

  const result: ScreeningResult = { eligible: blockers.length === 0, blockers, warnings };
  const windowDates = blockers.map((b) => b.eligibleFrom);
  if (blockers.length > 0 && windowDates.every((d): d is IsoDate => d !== undefined)) {
    result.eligibleFrom = latestDate(windowDates[0], ...windowDates.slice(1));
  }
  return result;
}
