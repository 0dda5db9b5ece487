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

/**
 * Why the preflight refused or warned, in the clinic's words: the safety report's refusals by reason and anywhere a
 * code is shown to staff. A Record, so a new code cannot ship without words.
 */
export const PREFLIGHT_CODE_WORDS: Record<PreflightCode, string> = {
  'practitioner-not-booked': 'Practitioner not the one booked',
  'credential-missing': 'No licence on file',
  'credential-expired': 'Licence expired',
  'credential-insufficient': 'Licence does not cover this procedure',
  'zone-unknown-zone': 'Unknown treatment zone',
  'zone-invalid-passes': 'Number of passes not valid',
  'zone-invalid-depth': 'Depth not valid',
  'zone-above-device-max': 'Deeper than the pen allows',
  'zone-off-device-step': 'Depth between the pen’s settings',
  'zone-above-practitioner-max': 'Deeper than the practitioner’s licence allows',
  'zone-above-zone-max': 'Deeper than the zone’s maximum',
  'zone-zone-max-overridden': 'Zone maximum overridden',
  'zone-beyond-evaluated-depth': 'Deeper than the evaluated depth',
  'patient-archived': 'Patient archived',
  contraindication: 'Absolute contraindication',
  'relative-contraindication': 'Relative contraindication not acknowledged',
  'consent-missing': 'Consent missing',
  'medical-interval': 'Too soon after the last medical session',
  'device-unknown': 'Unknown pen',
  'device-retired': 'Pen retired',
  'device-out-of-service': 'Pen out of service',
  'device-elsewhere': 'Pen at another location',
  'lot-unknown': 'Unknown cartridge lot',
  'lot-not-cartridge': 'Lot is not a cartridge',
  'lot-recalled': 'Cartridge lot recalled',
  'lot-quarantined': 'Cartridge lot quarantined',
  'lot-expired': 'Cartridge lot expired',
  'lot-out-of-stock': 'Cartridge lot out of stock',
};

/** A preflight code in words; a code this build does not know (an older or newer record) as its own words. */
export function preflightCodeWords(code: string): string {
  if (Object.prototype.hasOwnProperty.call(PREFLIGHT_CODE_WORDS, code)) return PREFLIGHT_CODE_WORDS[code as PreflightCode];
  const words = code.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Starting or signing a session: every preflight blocker, plus these. */
export const SESSION_RULE_CODES = ['acknowledgement-required', 'zones-missing'] as const;
export type SessionRuleCode = (typeof SESSION_RULE_CODES)[number];
