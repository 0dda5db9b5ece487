import { formatDepthRange } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConsentTemplate, ConsentTemplateVersion } from '../consents/consent.entities';
import type { StaffMember } from '../staff/staff-member.entity';
import { writeDemoConsent } from './demo-consent-record';
import type { DemoRandom } from './demo-random';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface CourseConsent {
  patient: { id: string; firstName: string; lastName: string; dateOfBirth: string };
  practitioner: StaffMember;
  medical: boolean;
  depthMm: [number, number];
  /** The course's first visit: a remote signing belongs to it. */
  firstVisit: { id: string; startsAt: Date; createdAt: Date };
  /** Signed through the manage link in the days before, or at the kiosk on the day (at `kioskAt`). */
  channel: 'remote' | 'kiosk';
  kioskAt: Date;
}

/**
 * The consents each course was started under (domain.md: signed before the first session): needling and, for
 * medical courses, the anaesthetic and sometimes photography. Some were signed remotely through the visit's manage
 * link a few days before and witnessed at check-in; the rest at the kiosk on the day.
 */
export async function loadCourseConsents(manager: EntityManager, audit: AuditService, organizationId: string, courses: CourseConsent[], random: DemoRandom): Promise<void> {
  const templates = await manager.findBy(ConsentTemplate, { organizationId });
  const versions = await manager.findBy(ConsentTemplateVersion, { organizationId, version: 1 });
  for (const [index, c] of courses.entries()) {
    const kinds = c.medical ? ['medical_needling', 'topical_anesthetic', ...(random.chance(0.5) ? ['photography'] : [])] : ['cosmetic_needling'];
    const start = c.firstVisit.startsAt.getTime();
    const remote = c.channel === 'remote';
    const signedAt = remote ? new Date(start - random.int(2, 5) * DAY_MS - random.int(1, 6) * 3_600_000) : new Date(c.kioskAt.getTime() + 4 * MINUTE_MS);
    const createdAt = remote ? new Date(c.firstVisit.createdAt.getTime() + 5 * MINUTE_MS) : c.kioskAt;
    const witnessedAt = remote ? new Date(start - 10 * MINUTE_MS) : new Date(signedAt.getTime() + MINUTE_MS);
    for (const kind of kinds) {
      const template = templates.find((t) => t.kind === kind);
      const version = versions.find((v) => v.templateId === template?.id);
      if (!template || !version) continue;
      await writeDemoConsent(manager, audit, {
        organizationId,
        patient: c.patient,
        template,
        version,
        practitioner: c.practitioner,
        values: {
          patientName: `${c.patient.firstName} ${c.patient.lastName}`,
          dateOfBirth: c.patient.dateOfBirth,
          procedure: c.medical ? 'Medical micro-needling for acne scars, full face' : 'Cosmetic micro-needling, full face',
          depthRange: formatDepthRange(c.depthMm[0], c.depthMm[1]),
          practitioner: c.practitioner.name,
        },
        createdAt,
        appointmentId: remote ? c.firstVisit.id : null,
        signing: {
          signedAt,
          channel: c.channel,
          acceptedAcknowledgements: version.acknowledgements.filter((a) => a.required || random.chance(0.5)).map((a) => a.key),
          signatureWave: index % 7,
          witnessedAt,
        },
      });
    }
  }
}
