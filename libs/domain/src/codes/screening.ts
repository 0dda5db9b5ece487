import { SCREENING_RULE_CODES } from '../screening/rules';

/**
 * Screening findings, the one deliberate exception to kebab-case: a finding's code IS the contraindication's id
 * (`isotretinoin_window`, `keloid_history`), a piece of clinical data rather than a name for a failure. The same id
 * keys the organization's screening settings (severity per rule, window lengths) and the acknowledgements a signed
 * session stores, and the dashboard looks up its wording by it. Renaming it would rewrite stored settings and signed
 * records; wrapping it (`{code: 'contraindication', subject: id}`) would give the eligibility and check-in answers a
 * second field to read for no gain. So the eligibility and check-in answers carry the id as the code, typed by this
 * set, and the treatment preflight (which mixes findings with other checks) wraps it as `contraindication` /
 * `relative-contraindication` with the id in `subject`.
 */
export const SCREENING_CODES = [
  ...SCREENING_RULE_CODES,
  // Findings that are not configurable rules of their own.
  'history_missing',
  'invalid_history_date',
  'isotretinoin_current',
] as const;
export type ScreeningCode = (typeof SCREENING_CODES)[number];

/** The eligibility answer: an archived patient, then the screening's findings. */
export const ELIGIBILITY_CODES = ['patient-archived', ...SCREENING_CODES] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/** What the patient is told after filling in her medical history before the visit (issue 16, preVisitAdvice). */
export const PRE_VISIT_ADVICE_CODES = ['ready', 'must-wait'] as const;
export type PreVisitAdviceCode = (typeof PRE_VISIT_ADVICE_CODES)[number];
