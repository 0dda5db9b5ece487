import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TimelineSource, type TimelineEntry, type TimelineProvider } from '../patients/timeline/timeline-source';
import { ConsentRecord } from './consent.entities';
import { staffNames } from './consent-staff.queries';

/** Consents signed, witnessed and revoked, for the patient's timeline. */
@TimelineSource()
@Injectable()
export class ConsentsTimeline implements TimelineProvider {
  async entries(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineEntry[]> {
    const records = await manager.find(ConsentRecord, {
      where: { organizationId, patientId },
      select: {
        id: true, title: true, templateVersion: true, signedAt: true, signerName: true, signedViaStaff: true,
        witnessedAt: true, witnessName: true, revokedAt: true, revokedBy: true, revocationReason: true,
      },
    });
    const names = await staffNames(manager, organizationId, records.flatMap((r) => [r.signedViaStaff, r.revokedBy]));
    const entries: TimelineEntry[] = [];
    for (const r of records) {
      if (r.signedAt) {
        entries.push({
          at: r.signedAt,
          kind: 'consent',
          title: `Consent signed: ${r.title}`,
          detail: `Signed by ${r.signerName}, template version ${r.templateVersion}`,
          refId: r.id,
          ...(r.signedViaStaff && names.get(r.signedViaStaff) ? { actorName: names.get(r.signedViaStaff) } : {}),
        });
      }
      if (r.witnessedAt && r.witnessName) {
        entries.push({ at: r.witnessedAt, kind: 'consent', title: `Consent witnessed: ${r.title}`, refId: r.id, actorName: r.witnessName });
      }
      if (r.revokedAt) {
        entries.push({
          at: r.revokedAt,
          kind: 'consent',
          title: r.signedAt ? `Consent revoked: ${r.title}` : `Unsigned consent voided: ${r.title}`,
          ...(r.revocationReason ? { detail: r.revocationReason } : {}),
          refId: r.id,
          ...(r.revokedBy && names.get(r.revokedBy) ? { actorName: names.get(r.revokedBy) } : {}),
        });
      }
    }
    return entries;
  }
}
