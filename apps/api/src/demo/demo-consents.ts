import { formatDepthRange, renderConsentBody, type ConsentPlaceholderValues } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { contentHashOf, recordHashOf } from '../consents/consent-hash';
import { ConsentTemplateDefaults } from '../consents/consent-template-defaults';
import { ConsentRecord, ConsentTemplate, ConsentTemplateVersion } from '../consents/consent.entities';
import { Patient } from '../patients/patient.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { DemoRandom } from './demo-random';
import { strokePngDataUrl } from './demo-signature';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_USER_AGENT = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/**
 * Consents for the demo clinic: the default templates approved by the owner, and for about 40 patients signed and
 * witnessed medical-needling, anaesthetic and photography consents (a few expired, revoked or still pending), each
 * with its real hashes, so verification and the PDF work on demo data.
 */
export async function loadDemoConsents(manager: EntityManager, audit: AuditService, organizationId: string, ownerId: string, clinicianIds: string[]): Promise<void> {
  await new ConsentTemplateDefaults().ensure(manager, organizationId);
  const now = new Date();
  await manager.update(ConsentTemplate, { organizationId }, { approvedVersion: 1, approvedAt: now, approvedBy: ownerId, updatedAt: now });
  const templates = await manager.findBy(ConsentTemplate, { organizationId });
  const versions = await manager.findBy(ConsentTemplateVersion, { organizationId });
  const staff = await manager.findBy(StaffMember, { organizationId });
  const patients = await manager.find(Patient, { where: { organizationId }, order: { mrn: 'ASC' }, take: 40 });
  const random = new DemoRandom(4242);

  for (const [index, patient] of patients.entries()) {
    const kinds = ['medical_needling', 'topical_anesthetic', ...(random.chance(0.6) ? ['photography'] : [])] as const;
    const daysAgo = index < 4 ? random.int(380, 500) : random.int(1, 300);
    const practitioner = staff.find((s) => s.id === random.pick(clinicianIds)) ?? staff[0];
    for (const kind of kinds) {
      const template = templates.find((t) => t.kind === kind);
      const version = versions.find((v) => v.templateId === template?.id && v.version === 1);
      if (!template || !version) continue;
      const values: ConsentPlaceholderValues = {
        patientName: `${patient.firstName} ${patient.lastName}`,
        dateOfBirth: patient.dateOfBirth,
        procedure: 'Medical micro-needling, full face',
        depthRange: formatDepthRange(0.5, 1.5),
        practitioner: practitioner.name,
      };
      const createdAt = new Date(now.getTime() - daysAgo * DAY_MS);
      const pending = index >= 36;
      const record = Object.assign(new ConsentRecord(), {
        organizationId,
        patientId: patient.id,
        templateId: template.id,
        templateVersionId: version.id,
        templateVersion: 1,
        kind,
        title: version.title,
        body: renderConsentBody(version.body, values),
        acknowledgements: version.acknowledgements,
        placeholderValues: values,
        validDays: version.validDays,
        timeZone: 'America/New_York',
        createdBy: practitioner.id,
        practitionerId: practitioner.id,
        appointmentId: null,
      });
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO consent_records (organization_id, patient_id, template_id, template_version_id, template_version, kind, title, body,
           acknowledgements, placeholder_values, valid_days, time_zone, created_by, created_at, practitioner_id)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12) RETURNING id`,
        [organizationId, patient.id, template.id, version.id, kind, record.title, record.body, JSON.stringify(record.acknowledgements),
          JSON.stringify(values), record.validDays, record.timeZone, practitioner.id, createdAt],
      );
      record.id = id;
      if (pending) continue;
      const signedAt = new Date(createdAt.getTime() + 4 * 60 * 1000);
      Object.assign(record, {
        signedAt,
        signerName: values.patientName,
        acceptedAcknowledgements: version.acknowledgements.filter((a) => a.required || random.chance(0.5)).map((a) => a.key),
        electronicSignatureConsent: true,
        signature: strokePngDataUrl(240, 80, index % 5),
        signerIp: '10.0.4.23',
        signerUserAgent: DEMO_USER_AGENT,
        signedViaStaff: practitioner.id,
      });
      const contentHash = contentHashOf(record);
      const witnessedAt = new Date(signedAt.getTime() + 60 * 1000);
      const recordHash = recordHashOf(contentHash, witnessedAt, practitioner.id, practitioner.name);
      await manager.update(ConsentRecord, { id }, {
        signedAt,
        signerName: record.signerName,
        acceptedAcknowledgements: record.acceptedAcknowledgements,
        electronicSignatureConsent: true,
        signature: record.signature,
        signerIp: record.signerIp,
        signerUserAgent: record.signerUserAgent,
        signedViaStaff: practitioner.id,
        contentHash,
        witnessedAt,
        witnessedBy: practitioner.id,
        witnessName: practitioner.name,
        recordHash,
        ...(index % 13 === 5 && kind === 'photography'
          ? { revokedAt: new Date(witnessedAt.getTime() + 7 * DAY_MS), revokedBy: ownerId, revocationReason: 'Patient withdrew photography consent by phone' }
          : {}),
      });
      const source = { organizationId, staffMemberId: practitioner.id, ip: '10.0.4.23', requestId: 'demo-loader', userAgent: null };
      await audit.record(manager, source, { action: 'consent.created', entityType: 'consent', entityId: id, changes: { source: { to: 'demo' } } });
      await audit.record(manager, source, { action: 'consent.signed', entityType: 'consent', entityId: id, changes: { contentHash: { to: contentHash } } });
      await audit.record(manager, source, {
        action: 'consent.witnessed',
        entityType: 'consent',
        entityId: id,
        changes: { witnessName: { to: practitioner.name }, recordHash: { to: recordHash } },
      });
    }
  }
}
