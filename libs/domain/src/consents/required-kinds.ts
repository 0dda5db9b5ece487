import { MEDICAL_DEPTH_THRESHOLD_MM } from '../access/credentials';
import type { ProcedureKind } from '../treatment/depth';

/**
 * The consent-kind rule (domain.md section 6): one consent per procedure type, a separate one for the topical
 * anaesthetic and for photography, plus any kind the booked service names. Check-in and the preflight both ask it.
 */
export interface ConsentNeeds {
  /** The needling the treatment is (or is planned to be); null for a visit without needling (a consultation). */
  procedure: ProcedureKind | null;
  serviceConsentKinds?: readonly string[];
  anesthetic?: boolean;
  photos?: boolean;
}

/** The consent kinds a treatment needs, the service's own first, without repeats. */
export function requiredConsentKinds(needs: ConsentNeeds): string[] {
  const kinds = new Set<string>(needs.serviceConsentKinds ?? []);
  if (needs.procedure) kinds.add(needs.procedure === 'medical' ? 'medical_needling' : 'cosmetic_needling');
  if (needs.anesthetic) kinds.add('topical_anesthetic');
  if (needs.photos) kinds.add('photography');
  return [...kinds];
}

/**
 * The instant a visit's consents must count at: the appointment's start, or now once the start has passed (a consent
 * the patient signs at the desk after the booked time, arriving late, counts for the visit it was signed for).
 * Check-in and the visit's consent bundle both ask it.
 */
export function consentsNeededAt(startsAt: Date, now: Date): Date {
  return startsAt.getTime() > now.getTime() ? startsAt : now;
}

/**
 * The needle depth (mm) a consent of this kind commits its treating practitioner to, for the licence check
 * (domain.md section 1): medical needling at least the medical threshold, a needling consent's stated maximum depth,
 * nothing for the other kinds (anaesthetic, photography).
 */
export function consentPractitionerDepthMm(kind: string, depthMaxMm?: number | null): number {
  if (kind === 'medical_needling') return Math.max(MEDICAL_DEPTH_THRESHOLD_MM, depthMaxMm ?? 0);
  if (kind === 'cosmetic_needling') return depthMaxMm ?? 0;
  return 0;
}

/** How a consent kind reads inside a sentence ("No valid medical needling consent on file"). */
const CONSENT_KIND_IN_WORDS: Record<string, string> = {
  cosmetic_needling: 'cosmetic needling',
  medical_needling: 'medical needling',
  topical_anesthetic: 'topical anaesthetic',
  photography: 'photography',
};

/** A type, not an interface: it is a RuleViolation (an open record) where the API reports it. */
export type ConsentMissingViolation = {
  code: 'consent-missing';
  message: string;
  /** The consent kind. */
  subject: string;
};

/** One violation per consent kind the patient does not validly hold. */
export function consentMissingViolations(missingKinds: readonly string[]): ConsentMissingViolation[] {
  return missingKinds.map((kind) => ({
    code: 'consent-missing',
    message: `No valid ${CONSENT_KIND_IN_WORDS[kind] ?? kind.replaceAll('_', ' ')} consent on file`,
    subject: kind,
  }));
}
