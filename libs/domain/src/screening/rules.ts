import type { MedicalHistoryBooleanField } from './answers';
import { WINDOW_RULE_CODES } from './windows';

/** What a rule does when it fires: block treatment, warn (practitioner acknowledges with a reason), or nothing. */
export type RuleSeverity = 'absolute' | 'relative' | 'off';

/**
 * Every configurable screening rule. The code doubles as the blocker/warning code it produces, except
 * `isotretinoin_window`, which also governs `isotretinoin_current` (isotretinoin listed without a last-dose date).
 * `history_missing` and `invalid_history_date` are always blockers and not configurable.
 */
/** Absolute contraindications of domain.md section 4 that are yes/no findings. */
const ABSOLUTE_FINDINGS = [
  'active_skin_cancer',
  'open_wound_or_irritated_skin',
  'active_infection',
  'active_herpes_outbreak',
  'warts',
  'active_inflammatory_acne',
  'pregnancy',
  'bleeding_disorder',
  'collagen_vascular_disease',
  'nickel_allergy',
] as const;

export const SCREENING_RULE_CODES = [
  // Absolute (domain.md section 4).
  ...ABSOLUTE_FINDINGS,
  // Time windows (section 4; isotretinoin is absolute there).
  ...WINDOW_RULE_CODES,
  // Relative (section 4).
  'keloid_history',
  'eczema_psoriasis_or_rosacea',
  'uncontrolled_diabetes',
  'anticoagulants',
  'immunosuppression',
  'herpes_simplex_history',
  'dark_phototype',
  'phototype_unknown',
  // Anaesthetic and other allergies (section 5).
  'amide_anesthetic_allergy',
  'ester_anesthetic_allergy',
  'latex_allergy',
  'other_allergy',
  // Record keeping.
  'free_text_present',
  'history_stale',
] as const;
export type ScreeningRuleCode = (typeof SCREENING_RULE_CODES)[number];

/**
 * The absolute contraindications of domain.md section 4: they block treatment while present, and no organization
 * setting may lower them (only the window lengths are configurable, within bounds).
 */
export const LOCKED_ABSOLUTE_RULES: readonly ScreeningRuleCode[] = [...ABSOLUTE_FINDINGS, 'isotretinoin_window'];

/** Absolute findings and every time window block by default; the rest warn. */
const ABSOLUTE_BY_DEFAULT: readonly ScreeningRuleCode[] = [...ABSOLUTE_FINDINGS, ...WINDOW_RULE_CODES];

/** Default severity of each rule (domain.md section 4): absolute and time-window rules block, the rest warn. */
export const DEFAULT_RULE_SEVERITY: Readonly<Record<ScreeningRuleCode, RuleSeverity>> = Object.freeze(
  Object.fromEntries(
    SCREENING_RULE_CODES.map((code) => [code, ABSOLUTE_BY_DEFAULT.includes(code) ? 'absolute' : 'relative']),
  ) as Record<ScreeningRuleCode, RuleSeverity>,
);

export interface BooleanRule {
  code: ScreeningRuleCode;
  field: MedicalHistoryBooleanField;
  message: string;
}

/** Rules that fire when a yes/no answer is yes (domain.md section 4). Nickel also looks at the allergy list. */
export const BOOLEAN_RULES: readonly BooleanRule[] = [
  { code: 'active_skin_cancer', field: 'activeSkinCancerInArea', message: 'Active skin cancer in the treatment area' },
  { code: 'open_wound_or_irritated_skin', field: 'openWoundsOrIrritatedSkinInArea', message: 'Open wounds or irritated skin in the treatment area' },
  { code: 'active_infection', field: 'activeInfectionInArea', message: 'Active infection in the treatment area (bacterial, fungal or viral)' },
  { code: 'active_herpes_outbreak', field: 'activeHerpesOutbreak', message: 'Active herpes simplex outbreak' },
  { code: 'warts', field: 'wartsInArea', message: 'Warts in the treatment area' },
  { code: 'active_inflammatory_acne', field: 'activeInflammatoryAcneInArea', message: 'Active inflammatory acne in the treatment area' },
  { code: 'pregnancy', field: 'pregnantOrBreastfeeding', message: 'Pregnant or breastfeeding' },
  { code: 'bleeding_disorder', field: 'bleedingDisorder', message: 'Bleeding disorder' },
  { code: 'collagen_vascular_disease', field: 'sclerodermaOrCollagenVascularDisease', message: 'Scleroderma or collagen-vascular disease' },
  { code: 'keloid_history', field: 'keloidHistory', message: 'History of keloid or hypertrophic scarring: higher risk of abnormal scarring' },
  { code: 'eczema_psoriasis_or_rosacea', field: 'eczemaPsoriasisOrRosaceaInArea', message: 'Eczema, psoriasis or rosacea in the treatment area' },
  { code: 'uncontrolled_diabetes', field: 'uncontrolledDiabetes', message: 'Uncontrolled diabetes: impaired healing and higher infection risk' },
  { code: 'immunosuppression', field: 'immunosuppressed', message: 'Immunosuppression, chemotherapy or high-dose steroids: impaired healing and higher infection risk' },
];
