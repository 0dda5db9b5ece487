/** Consent rules: a treatment's required consents, templates and signing. */
export const CONSENT_RULE_CODES = [
  'consent-missing',
  'unknown-placeholder',
  'no-required-acknowledgement',
  'electronic-signature-consent-required',
  'acknowledgement-not-ticked',
] as const;
export type ConsentRuleCode = (typeof CONSENT_RULE_CODES)[number];
