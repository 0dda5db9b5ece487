import { consentStatus, consentValidThrough, type ConsentStatus } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { ConsentRecord } from './consent.entities';
import type { ConsentDetailDto, ConsentDto } from './consents.dto';
import { staffNames } from './consent-templates.service';

/** A record with what its status depends on beyond its own row. */
export interface ConsentView {
  record: ConsentRecord;
  reconsentVersions: number[];
  names: Map<string, string>;
}

/** Versions of each record's template published after the record's version with "requires re-consent". */
export async function reconsentVersionsFor(manager: EntityManager, records: readonly ConsentRecord[]): Promise<Map<string, number[]>> {
  const templateIds = [...new Set(records.map((r) => r.templateId))];
  if (templateIds.length === 0) return new Map();
  const rows: { template_id: string; version: number }[] = await manager.query(
    `SELECT template_id, version FROM consent_template_versions WHERE template_id = ANY($1::uuid[]) AND requires_reconsent`,
    [templateIds],
  );
  const byTemplate = new Map<string, number[]>();
  for (const row of rows) byTemplate.set(row.template_id, [...(byTemplate.get(row.template_id) ?? []), row.version]);
  return byTemplate;
}

export async function loadViews(manager: EntityManager, records: ConsentRecord[]): Promise<ConsentView[]> {
  const reconsent = await reconsentVersionsFor(manager, records);
  const names = await staffNames(manager, records.flatMap((r) => [r.createdBy, r.witnessedBy, r.revokedBy]));
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
