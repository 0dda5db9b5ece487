import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consentValidThrough } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError } from '../common/problems/domain-error';
import { Organization } from '../organizations/organization.entity';
import { Patient } from '../patients/patient.entity';
import { renderConsentPdf, type ConsentTrailEntry } from './consent-pdf';
import { statusOf } from './consent-views';
import { ConsentsService } from './consents.service';

const TRAIL_EVENTS: Record<string, string> = {
  'consent.created': 'Prepared from the template',
  'consent.signed': 'Signed by the patient',
  'consent.witnessed': 'Witnessed',
  'consent.revoked': 'Revoked',
};

/** The PDF of a signed consent with its certificate page. Every download is audited. */
@Injectable()
export class ConsentDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
  ) {}

  async pdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.consents.view(manager, actor, id);
      const { record } = view;
      const signedAt = record.signedAt;
      if (!signedAt) throw new ConflictError('not-signed', 'Only a signed consent has a PDF; the patient has not signed yet');
      const patient = await manager.findOneByOrFail(Patient, { id: record.patientId, organizationId: actor.organizationId });
      const organization = await manager.findOneByOrFail(Organization, { id: actor.organizationId });
      const events: { occurred_at: Date; action: string; actor_name: string | null; ip: string | null }[] = await manager.query(
        `SELECT e.occurred_at, e.action, s.name AS actor_name, e.ip
         FROM audit_events e LEFT JOIN staff_members s ON s.id = e.actor_id
         WHERE e.organization_id = $1 AND e.entity_type = 'consent' AND e.entity_id = $2 AND e.action = ANY($3::text[])
         ORDER BY e.occurred_at, e.id`,
        [actor.organizationId, id, Object.keys(TRAIL_EVENTS)],
      );
      const trail: ConsentTrailEntry[] = events.map((e) => {
        const base = { at: e.occurred_at, event: TRAIL_EVENTS[e.action], by: e.actor_name ?? 'System' };
        if (e.action === 'consent.signed') {
          return {
            ...base,
            at: signedAt,
            by: `${record.signerName} on the device of ${e.actor_name ?? 'staff'}`,
            detail: `IP ${record.signerIp}; ${record.signerUserAgent}; acknowledgements ticked: ${(record.acceptedAcknowledgements ?? []).join(', ') || 'none'}`,
          };
        }
        if (e.action === 'consent.witnessed') return { ...base, at: record.witnessedAt ?? e.occurred_at, by: record.witnessName ?? base.by, detail: `IP ${e.ip ?? '-'}` };
        if (e.action === 'consent.revoked') return { ...base, detail: record.revocationReason ?? '' };
        return { ...base, detail: `Template version ${record.templateVersion}; IP ${e.ip ?? '-'}` };
      });
      const generatedAt = new Date();
      const pdf = await renderConsentPdf({
        record,
        patientMrn: patient.mrn,
        organizationName: organization.name,
        status: statusOf(view, generatedAt),
        validThrough: consentValidThrough(signedAt, record.validDays, record.timeZone),
        trail,
        generatedAt,
      });
      await this.audit.record(manager, actor, { action: 'consent.pdf_downloaded', entityType: 'consent', entityId: id });
      return { fileName: `consent-${patient.mrn}-${record.kind}-${record.id.slice(0, 8)}.pdf`, pdf };
    });
  }
}
