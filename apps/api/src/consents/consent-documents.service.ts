import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { consentValidThrough } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, NotFoundError } from '../common/problems/domain-error';
import { renderConsentPdf, type ConsentTrailEntry } from './consent-pdf';
import { trailEntryOf } from './consent-chain';
import { statusOf, viewFromRow } from './consent-views';
import { consentDocumentRow } from './consent-views.queries';

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
    private readonly audit: AuditService,
  ) {}

  async pdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      // One statement: the record, its trail and the patient's MRN and clinic name.
      const row = await consentDocumentRow(manager, actor.organizationId, id, Object.keys(TRAIL_EVENTS));
      if (!row) throw new NotFoundError('Consent', id);
      const view = viewFromRow(manager, row);
      const { record } = view;
      const signedAt = record.signedAt;
      if (!signedAt) throw new ConflictError('not-signed', 'Only a signed consent has a PDF; the patient has not signed yet');
      // The record's foreign key guarantees the patient; a miss means the data is broken, not a user error.
      if (row.view_patient_mrn === null || row.view_organization_name === null) {
        throw new Error(`Consent PDF: patient ${record.patientId} not found in organization ${actor.organizationId}`);
      }
      const patientMrn = row.view_patient_mrn;
      const organizationName = row.view_organization_name;
      const events = row.view_trail.map(trailEntryOf);
      // Each line is dated by the record's own time of that step, as the signature and witness lines always were:
      // the audit event is written when the step is stored, which for the demo clinic's back-dated consents (loaded
      // in one go, today) is long after the record says it was prepared.
      const trail: ConsentTrailEntry[] = events.map((e) => {
        const base = { at: e.action === 'consent.created' ? record.createdAt : e.occurredAt, event: TRAIL_EVENTS[e.action], by: e.actorName ?? 'System' };
        if (e.action === 'consent.signed') {
          return {
            ...base,
            at: signedAt,
            by: `${record.signerName}, on the device of ${e.actorName ?? 'staff'}`,
            detail: `IP ${record.signerIp}; ${record.signerUserAgent}; acknowledgements ticked: ${(record.acceptedAcknowledgements ?? []).join(', ') || 'none'}`,
          };
        }
        if (e.action === 'consent.witnessed') return { ...base, at: record.witnessedAt ?? e.occurredAt, by: record.witnessName ?? base.by, detail: `IP ${e.ip ?? '-'}` };
        if (e.action === 'consent.revoked') return { ...base, at: record.revokedAt ?? e.occurredAt, detail: record.revocationReason ?? '' };
        return { ...base, detail: `Template version ${record.templateVersion}; IP ${e.ip ?? '-'}` };
      });
      const generatedAt = new Date();
      const pdf = await renderConsentPdf({
        record,
        appointment: view.appointment,
        patientMrn,
        organizationName,
        status: statusOf(view, generatedAt),
        validThrough: consentValidThrough(signedAt, record.validDays, record.timeZone),
        trail,
        generatedAt,
      });
      await this.audit.record(manager, actor, { action: 'consent.pdf_downloaded', entityType: 'consent', entityId: id });
      return { fileName: `consent-${patientMrn}-${record.kind}-${record.id.slice(0, 8)}.pdf`, pdf };
    });
  }
}
