/** Consent rules: a treatment's required consents, templates and signing. */
export const CONSENT_RULE_CODES = [
  'consent-missing',
  'unknown-placeholder',
  'no-required-acknowledgement',
  'electronic-signature-consent-required',
  'acknowledgement-not-ticked',
  // A consent kind the booked service needs, for which the clinic has no consent form.
  'no-consent-template',
] as const;
export type ConsentRuleCode = (typeof CONSENT_RULE_CODES)[number];
