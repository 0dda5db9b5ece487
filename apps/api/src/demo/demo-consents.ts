import { formatDepthRange, type ConsentPlaceholderValues } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConsentTemplateDefaults } from '../consents/consent-template-defaults';
import { ConsentTemplate, ConsentTemplateVersion } from '../consents/consent.entities';
import { Patient } from '../patients/patient.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { writeDemoConsent } from './demo-consent-record';
import { DemoRandom } from './demo-random';

const DAY_MS = 24 * 60 * 60 * 1000;

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
      if (pending) {
        await writeDemoConsent(manager, audit, { organizationId, patient, template, version, practitioner, values, createdAt });
        continue;
      }
      const signedAt = new Date(createdAt.getTime() + 4 * 60 * 1000);
      const witnessedAt = new Date(signedAt.getTime() + 60 * 1000);
      await writeDemoConsent(manager, audit, {
        organizationId,
        patient,
        template,
        version,
        practitioner,
        values,
        createdAt,
        signing: {
          signedAt,
          channel: 'kiosk',
          acceptedAcknowledgements: version.acknowledgements.filter((a) => a.required || random.chance(0.5)).map((a) => a.key),
          signatureWave: index % 5,
          witnessedAt,
          ...(index % 13 === 5 && kind === 'photography'
            ? { revoke: { at: new Date(witnessedAt.getTime() + 7 * DAY_MS), by: ownerId, reason: 'Patient withdrew photography consent by phone' } }
            : {}),
        },
      });
    }
  }
}
