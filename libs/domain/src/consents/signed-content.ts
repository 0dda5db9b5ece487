import { canonicalJson } from './canonical-json';
import type { ConsentAcknowledgement } from './kinds';

/**
 * Everything the patient signed (domain.md section 6, ESIGN/UETA: the signature associated with the exact record):
 * the rendered text, the template id and version, the acknowledgements offered and those ticked, the consent to sign
 * electronically, the typed name and drawn signature, the time, and the device (IP, user agent).
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
}

/** The witness attestation, chained to the signed content by its hash. */
export interface ConsentWitnessContent {
  contentHash: string;
  witnessedAt: Date;
  witnessedBy: string;
  witnessName: string;
}

/** The canonical text the content hash (SHA-256) is computed over. Ticked keys are sorted: their order means nothing. */
export function signedContentPayload(content: ConsentSignedContent): string {
  return canonicalJson({
    format: 'skinledger.consent.signed-content.v1',
    ...content,
    acknowledgements: content.acknowledgements.map((a) => ({ key: a.key, text: a.text, required: a.required })),
    acceptedAcknowledgements: [...content.acceptedAcknowledgements].sort(),
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
