import { consentStatus, consentValidThrough, type ConsentStatus } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { ConsentRecord } from './consent.entities';
import type { ConsentDetailDto, ConsentDto } from './consents.dto';
import { staffNames } from './consent-staff.queries';
import { reconsentVersions } from './consent-templates.queries';

/** A record with what its status depends on beyond its own row. */
export interface ConsentView {
  record: ConsentRecord;
  reconsentVersions: number[];
  names: Map<string, string>;
}

/** The organization's records with the re-consent versions of their templates and the names of staff they mention. */
export async function loadViews(manager: EntityManager, organizationId: string, records: ConsentRecord[]): Promise<ConsentView[]> {
  const templateIds = [...new Set(records.map((r) => r.templateId))];
  const reconsent = templateIds.length > 0 ? await reconsentVersions(manager, organizationId, templateIds) : new Map<string, number[]>();
  const names = await staffNames(manager, organizationId, records.flatMap((r) => [r.createdBy, r.witnessedBy, r.revokedBy]));
  return records.map((record) => ({ record, reconsentVersions: reconsent.get(record.templateId) ?? [], names }));
}

export function statusOf(view: ConsentView, at: Date): ConsentStatus {
  const r = view.record;
  return consentStatus(
    {
      signedAt: r.signedAt,
      revokedAt: r.revokedAt,
      validDays: r.validDays,
      timeZone: r.timeZone,
      templateVersion: r.templateVersion,
      reconsentVersions: view.reconsentVersions,
    },
    at,
  );
}

export function toConsentDto(view: ConsentView, at: Date): ConsentDto {
  const r = view.record;
  return {
    id: r.id,
    patientId: r.patientId,
    templateId: r.templateId,
    templateVersion: r.templateVersion,
    kind: r.kind,
    title: r.title,
    status: statusOf(view, at),
    validThrough: r.signedAt ? consentValidThrough(r.signedAt, r.validDays, r.timeZone) : null,
    validDays: r.validDays,
    timeZone: r.timeZone,
    createdAt: r.createdAt.toISOString(),
    createdByName: view.names.get(r.createdBy) ?? '',
    signedAt: r.signedAt?.toISOString() ?? null,
    signerName: r.signerName,
    witnessedAt: r.witnessedAt?.toISOString() ?? null,
    witnessName: r.witnessName,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedByName: r.revokedBy ? (view.names.get(r.revokedBy) ?? null) : null,
    revocationReason: r.revocationReason,
  };
}

export function toConsentDetailDto(view: ConsentView, at: Date): ConsentDetailDto {
  const r = view.record;
  return {
    ...toConsentDto(view, at),
    body: r.body,
    acknowledgements: r.acknowledgements,
    acceptedAcknowledgements: r.acceptedAcknowledgements,
    electronicSignatureConsent: r.electronicSignatureConsent,
    signature: r.signature,
    signerIp: r.signerIp,
    signerUserAgent: r.signerUserAgent,
    contentHash: r.contentHash,
    recordHash: r.recordHash,
  };
}
