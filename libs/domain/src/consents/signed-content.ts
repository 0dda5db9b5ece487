import { canonicalJson } from './canonical-json';
import type { ConsentAcknowledgement } from './kinds';

/**
 * Everything the patient signed (domain.md section 6, ESIGN/UETA: the signature associated with the exact record):
 * the rendered text, the template id and version, the acknowledgements offered and those ticked, the consent to sign
 * electronically, the typed name and drawn signature, the time, and the device (IP, user agent); since format v2 also
 * the treating practitioner named on the consent and the appointment it was prepared for.
 */
export interface ConsentSignedContent {
  consentId: string;
  organizationId: string;
  patientId: string;
  templateId: string;
  templateVersionId: string;
  templateVersion: number;
  title: string;
  body: string;
  acknowledgements: readonly ConsentAcknowledgement[];
  acceptedAcknowledgements: readonly string[];
  electronicSignatureConsent: boolean;
  signerName: string;
  signature: string;
  signedAt: Date;
  signerIp: string;
  signerUserAgent: string;
  /**
   * The treating practitioner the consent names (format v2). Absent for consents prepared before SkinLedger recorded
   * the practitioner: their content is hashed as format v1, exactly as when they were signed, so they still verify.
   */
  practitioner?: { id: string; name: string };
  /** The appointment the consent was prepared for (format v2); null when prepared outside an appointment. */
  appointmentId?: string | null;
}

export const SIGNED_CONTENT_FORMAT_V1 = 'skinledger.consent.signed-content.v1';
export const SIGNED_CONTENT_FORMAT_V2 = 'skinledger.consent.signed-content.v2';

/** The witness attestation, chained to the signed content by its hash. */
export interface ConsentWitnessContent {
  contentHash: string;
  witnessedAt: Date;
  witnessedBy: string;
  witnessName: string;
}

/**
 * The canonical text the content hash (SHA-256) is computed over. Ticked keys are sorted: their order means nothing.
 * A consent naming its practitioner is format v2 (practitioner id and name and the appointment inside the hash); one
 * without is format v1, byte for byte the text its hash was computed over when it was signed.
 */
export function signedContentPayload(content: ConsentSignedContent): string {
  const { practitioner, appointmentId, ...signed } = content;
  const common = {
    ...signed,
    acknowledgements: signed.acknowledgements.map((a) => ({ key: a.key, text: a.text, required: a.required })),
    acceptedAcknowledgements: [...signed.acceptedAcknowledgements].sort(),
  };
  if (!practitioner) return canonicalJson({ format: SIGNED_CONTENT_FORMAT_V1, ...common });
  return canonicalJson({
    format: SIGNED_CONTENT_FORMAT_V2,
    ...common,
    practitionerId: practitioner.id,
    practitionerName: practitioner.name,
    appointmentId: appointmentId ?? null,
  });
}

/** The canonical text of the record hash once witnessed: the content hash plus who witnessed and when. */
export function witnessPayload(witness: ConsentWitnessContent): string {
  return canonicalJson({ format: 'skinledger.consent.witness.v1', ...witness });
}

/** Required acknowledgements not among the ticked keys, in the template's order. */
export function missingAcknowledgements(items: readonly ConsentAcknowledgement[], ticked: readonly string[]): ConsentAcknowledgement[] {
  return items.filter((a) => a.required && !ticked.includes(a.key));
}
