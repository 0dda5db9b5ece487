import { Injectable } from '@nestjs/common';
import { TimelineSource, instant, type TimelineEntry, type TimelineProvider, type TimelineRow } from '../patients/timeline/timeline-source';

/** Consents signed, witnessed and revoked, for the patient's timeline (view consent_timeline_rows). */
@TimelineSource()
@Injectable()
export class ConsentsTimeline implements TimelineProvider {
  readonly views = [{ name: 'consent_timeline_rows' }];

  entries([records]: TimelineRow[][]): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    for (const r of records) {
      const id = r.id as string;
      const title = r.title as string;
      const signedAt = instant(r.signed_at, true);
      const witnessedAt = instant(r.witnessed_at, true);
      const revokedAt = instant(r.revoked_at, true);
      const signedVia = r.signed_via_staff_name as string | null;
      const revokedBy = r.revoked_by_name as string | null;
      if (signedAt) {
        entries.push({
          at: signedAt,
          kind: 'consent',
          title: `Consent signed: ${title}`,
          detail: `Signed by ${r.signer_name as string}, template version ${r.template_version as number}`,
          refId: id,
          ...(signedVia ? { actorName: signedVia } : {}),
        });
      }
      if (witnessedAt && r.witness_name) {
        entries.push({ at: witnessedAt, kind: 'consent', title: `Consent witnessed: ${title}`, refId: id, actorName: r.witness_name as string });
      }
      if (revokedAt) {
        entries.push({
          at: revokedAt,
          kind: 'consent',
          title: signedAt ? `Consent revoked: ${title}` : `Unsigned consent voided: ${title}`,
          ...(r.revocation_reason ? { detail: r.revocation_reason as string } : {}),
          refId: id,
          ...(revokedBy ? { actorName: revokedBy } : {}),
        });
      }
    }
    return entries;
  }
}
