import { renderConsentBody, type ConsentPlaceholderValues } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { contentHashOf, recordHashOf } from '../consents/consent-hash';
import { ConsentRecord, type ConsentTemplate, type ConsentTemplateVersion } from '../consents/consent.entities';
import type { StaffMember } from '../staff/staff-member.entity';
import { strokePngDataUrl } from './demo-signature';

export const DEMO_KIOSK_USER_AGENT = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const DEMO_PHONE_USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1';
const KIOSK_IP = '10.0.4.23';

export interface DemoConsentInput {
  organizationId: string;
  patient: { id: string; firstName: string; lastName: string };
  template: ConsentTemplate;
  version: ConsentTemplateVersion;
  practitioner: StaffMember;
  values: ConsentPlaceholderValues;
  createdAt: Date;
  /** The visit a remote signing was prepared for (the manage link signs only its own visit's consents). */
  appointmentId?: string | null;
  /** Unsigned (pending) when absent. */
  signing?: {
    signedAt: Date;
    /** At the clinic's kiosk (handed over by the practitioner), or remotely through the patient's manage link. */
    channel: 'kiosk' | 'remote';
    acceptedAcknowledgements: string[];
    signatureWave: number;
    witnessedAt: Date;
    revoke?: { at: Date; by: string; reason: string };
  };
}

/**
 * One consent as the app writes it: prepared from the approved template, then signed (kiosk or manage link) with the
 * hash of its exact content, then witnessed with the chained record hash, each step audited. Written in that order,
 * so the database's guard on signed records sees the same sequence as in the app.
 */
export async function writeDemoConsent(manager: EntityManager, audit: AuditService, input: DemoConsentInput): Promise<string> {
  const { organizationId, patient, template, version, practitioner, values } = input;
  const record = Object.assign(new ConsentRecord(), {
    organizationId,
    patientId: patient.id,
    templateId: template.id,
    templateVersionId: version.id,
    templateVersion: version.version,
    kind: template.kind,
    title: version.title,
    body: renderConsentBody(version.body, values),
    acknowledgements: version.acknowledgements,
    placeholderValues: values,
    validDays: version.validDays,
    timeZone: 'America/New_York',
    createdBy: practitioner.id,
    practitionerId: practitioner.id,
    appointmentId: input.appointmentId ?? null,
  });
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO consent_records (organization_id, patient_id, template_id, template_version_id, template_version, kind, title, body,
       acknowledgements, placeholder_values, valid_days, time_zone, created_by, created_at, practitioner_id, appointment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $15) RETURNING id`,
    [organizationId, patient.id, template.id, version.id, version.version, template.kind, record.title, record.body, JSON.stringify(record.acknowledgements),
      JSON.stringify(values), record.validDays, record.timeZone, practitioner.id, input.createdAt, record.appointmentId],
  );
  record.id = id;
  const staffSource = { organizationId, staffMemberId: practitioner.id, ip: KIOSK_IP, requestId: 'demo-loader', userAgent: null };
  await audit.record(manager, staffSource, { action: 'consent.created', entityType: 'consent', entityId: id, changes: { source: { to: 'demo' } } });
  const signing = input.signing;
  if (!signing) return id;
  const remote = signing.channel === 'remote';
  Object.assign(record, {
    signedAt: signing.signedAt,
    signerName: values.patientName,
    acceptedAcknowledgements: signing.acceptedAcknowledgements,
    electronicSignatureConsent: true,
    signature: strokePngDataUrl(240, 80, signing.signatureWave),
    // A remote signer's own phone on the internet (a documentation address), not the clinic's kiosk.
    signerIp: remote ? `203.0.113.${10 + (signing.signatureWave % 200)}` : KIOSK_IP,
    signerUserAgent: remote ? DEMO_PHONE_USER_AGENT : DEMO_KIOSK_USER_AGENT,
    signedViaStaff: remote ? null : practitioner.id,
    signedRemotely: remote,
  });
  const contentHash = contentHashOf(record);
  await manager.update(ConsentRecord, { id }, {
    signedAt: record.signedAt,
    signerName: record.signerName,
    acceptedAcknowledgements: record.acceptedAcknowledgements,
    electronicSignatureConsent: true,
    signature: record.signature,
    signerIp: record.signerIp,
    signerUserAgent: record.signerUserAgent,
    signedViaStaff: record.signedViaStaff,
    signedRemotely: remote,
    contentHash,
  });
  const signedSource = remote ? { organizationId, staffMemberId: null, ip: record.signerIp as string, requestId: 'demo-loader', userAgent: null } : staffSource;
  await audit.record(manager, signedSource, {
    action: 'consent.signed',
    entityType: 'consent',
    entityId: id,
    changes: { contentHash: { to: contentHash }, ...(remote ? { signedRemotely: { to: true } } : {}) },
  });
  const recordHash = recordHashOf(contentHash, signing.witnessedAt, practitioner.id, practitioner.name);
  await manager.update(ConsentRecord, { id }, {
    witnessedAt: signing.witnessedAt,
    witnessedBy: practitioner.id,
    witnessName: practitioner.name,
    recordHash,
    ...(signing.revoke ? { revokedAt: signing.revoke.at, revokedBy: signing.revoke.by, revocationReason: signing.revoke.reason } : {}),
  });
  await audit.record(manager, staffSource, {
    action: 'consent.witnessed',
    entityType: 'consent',
    entityId: id,
    changes: { witnessName: { to: practitioner.name }, recordHash: { to: recordHash } },
  });
  return id;
}
