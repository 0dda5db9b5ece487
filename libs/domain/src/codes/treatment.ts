import { CREDENTIAL_CHECK_CODES } from './staff';
import { DEVICE_CHECK_CODES, LOT_CHECK_CODES } from './inventory';

/** What the depth check says about one charted zone (device, licence and zone limits; domain.md sections 1-2). */
export const ZONE_FINDING_CODES = [
  'unknown-zone',
  'invalid-passes',
  'invalid-depth',
  'above-device-max',
  'off-device-step',
  'above-practitioner-max',
  'above-zone-max',
  'zone-max-overridden',
  'beyond-evaluated-depth',
] as const;
export type ZoneFindingCode = (typeof ZONE_FINDING_CODES)[number];

/**
 * The preflight names a zone finding `zone-<finding>`. Signed sessions store their warnings with these codes, so
 * they keep this shape (even `zone-zone-max-overridden`).
 */
export type PreflightZoneCode = `zone-${ZoneFindingCode}`;
export const PREFLIGHT_ZONE_CODES: readonly PreflightZoneCode[] = ZONE_FINDING_CODES.map((code): PreflightZoneCode => `zone-${code}`);

export function preflightZoneCode(code: ZoneFindingCode): PreflightZoneCode {
  return `zone-${code}`;
}

/** Why an organization's zone maximum is refused (it may lower a zone's default, never raise it). */
export const ZONE_MAXIMUM_CODES = ['unknown-zone', 'invalid-depth', 'above-default-max'] as const;
export type ZoneMaximumCode = (typeof ZONE_MAXIMUM_CODES)[number];

/** Why an outcome score cannot be recorded on its scale. */
export const SCORE_PROBLEM_CODES = ['unknown-scale', 'out-of-range', 'not-whole', 'method-required'] as const;
export type ScoreProblemCode = (typeof SCORE_PROBLEM_CODES)[number];

/**
 * The safety checklist before needling (blockers and warnings). A screening finding appears as `contraindication`
 * (absolute) or `relative-contraindication` with the finding's id in `subject`.
 */
export const PREFLIGHT_CODES = [
  'practitioner-not-booked',
  ...CREDENTIAL_CHECK_CODES,
  ...PREFLIGHT_ZONE_CODES,
  'patient-archived',
  'contraindication',
  'relative-contraindication',
  'consent-missing',
  'medical-interval',
  ...DEVICE_CHECK_CODES,
  ...LOT_CHECK_CODES,
] as const;
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

/** Starting or signing a session: every preflight blocker, plus these. */
export const SESSION_RULE_CODES = ['acknowledgement-required', 'zones-missing'] as const;
export type SessionRuleCode = (typeof SESSION_RULE_CODES)[number];
