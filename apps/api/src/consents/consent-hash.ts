import { signedContentPayload, witnessPayload } from '@skinledger/domain';
import { createHash } from 'node:crypto';
import type { ConsentRecord } from './consent.entities';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 over the canonical signed content of a signed record (fields as stored). A record naming its practitioner
 * is hashed as format v2 (practitioner and appointment included); one prepared before that was recorded, as v1.
 */
export function contentHashOf(record: ConsentRecord): string {
  if (!record.signedAt) throw new Error(`consent ${record.id} is not signed`);
  return sha256(
    signedContentPayload({
      consentId: record.id,
      organizationId: record.organizationId,
      patientId: record.patientId,
      templateId: record.templateId,
      templateVersionId: record.templateVersionId,
      templateVersion: record.templateVersion,
      title: record.title,
      body: record.body,
      acknowledgements: record.acknowledgements,
      acceptedAcknowledgements: record.acceptedAcknowledgements ?? [],
      electronicSignatureConsent: record.electronicSignatureConsent === true,
      signerName: record.signerName ?? '',
      signature: record.signature ?? '',
      signedAt: record.signedAt,
      signerIp: record.signerIp ?? '',
      signerUserAgent: record.signerUserAgent ?? '',
      ...(record.practitionerId
        ? { practitioner: { id: record.practitionerId, name: record.placeholderValues.practitioner }, appointmentId: record.appointmentId }
        : {}),
    }),
  );
}

/** SHA-256 chaining the witness to the content hash. */
export function recordHashOf(contentHash: string, witnessedAt: Date, witnessedBy: string, witnessName: string): string {
  return sha256(witnessPayload({ contentHash, witnessedAt, witnessedBy, witnessName }));
}

export interface ConsentIntegrity {
  intact: boolean;
  contentHashMatches: boolean;
  recordHashMatches: boolean | null;
}

/** Recomputes both hashes from the stored fields. A pending record has nothing signed to verify: intact is false. */
export function verifyConsentRecord(record: ConsentRecord): ConsentIntegrity {
  if (!record.signedAt || !record.contentHash) return { intact: false, contentHashMatches: false, recordHashMatches: null };
  const content = contentHashOf(record);
  const contentHashMatches = content === record.contentHash;
  let recordHashMatches: boolean | null = null;
  if (record.witnessedAt || record.recordHash) {
    recordHashMatches =
      !!record.witnessedAt &&
      !!record.witnessedBy &&
      record.recordHash === recordHashOf(content, record.witnessedAt, record.witnessedBy, record.witnessName ?? '');
  }
  return { intact: contentHashMatches && recordHashMatches !== false, contentHashMatches, recordHashMatches };
}
