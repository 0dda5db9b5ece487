/**
 * Consent kinds (domain.md section 6): one consent per procedure type, plus a separate photography consent; clinics
 * may add their own (`custom`).
 */
export const CONSENT_KINDS = ['cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography', 'custom'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The four kinds every organization gets a default template for. */
export const DEFAULT_CONSENT_KINDS = ['cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography'] as const;

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  cosmetic_needling: 'Cosmetic micro-needling',
  medical_needling: 'Medical micro-needling',
  topical_anesthetic: 'Topical anaesthetic',
  photography: 'Photography',
  custom: 'Other',
};

/**
 * pending: created, not signed yet. valid: signed and counting. expired: past its validity days on the clinic calendar.
 * revoked: withdrawn by the patient (or voided before signing). superseded: the template got a newer version that
 * requires re-consent.
 */
export const CONSENT_STATUSES = ['pending', 'valid', 'expired', 'revoked', 'superseded'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Bounds for a template version's validity (days counted on the clinic calendar from the signing date). */
export const CONSENT_VALID_DAYS_MIN = 1;
export const CONSENT_VALID_DAYS_MAX = 3650;
/** Default validity: 12 months (domain.md section 6: "valid 12 months or for one course"). */
export const CONSENT_DEFAULT_VALID_DAYS = 365;

/** One checkbox of a template: `required` ones must be ticked to sign; optional ones record a choice (e.g. marketing use). */
export interface ConsentAcknowledgement {
  key: string;
  text: string;
  required: boolean;
}

/** A consent kind in words; one this list does not know (a service may name any kind) as its own words. */
export function consentKindLabel(kind: string): string {
  return Object.hasOwn(CONSENT_KIND_LABELS, kind) ? CONSENT_KIND_LABELS[kind as ConsentKind] : kind.replaceAll('_', ' ');
}
