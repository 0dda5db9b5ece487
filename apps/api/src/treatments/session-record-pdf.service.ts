import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { renderSessionRecordPdf } from './session-record-pdf';
import { TreatmentSessionViews } from './treatment-session-views';
import { sessionRecordParties } from './treatment-session.queries';

/**
 * The printable session record as a PDF/A-2b document (common/pdf: embedded fonts for every script, tagged). The
 * record hash printed under the signature is the one sealed in the HMAC-chained `treatment_session.signed` event (the
 * session view reads it from there), not recomputed, so the paper names exactly what was signed. Every download is a clinical read, audited with the patient as the entity.
 */
@Injectable()
export class SessionRecordPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: TreatmentSessionViews,
    private readonly audit: AuditService,
  ) {}

  async pdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.views.load(manager, actor, id);
      const parties = await sessionRecordParties(manager, actor.organizationId, id);
      if (!parties) throw new NotFoundError('Treatment session', id);
      const pdf = await renderSessionRecordPdf({
        session,
        organizationName: parties.organization_name,
        patientMrn: parties.patient_mrn,
        patientDateOfBirth: parties.patient_date_of_birth,
        locationName: parties.location_name,
        timeZone: parties.location_timezone,
        generatedAt: new Date(),
      });
      await this.audit.recordPatientRead(manager, actor, session.patientId, 'treatment_session.pdf_downloaded', {
        sessionId: { to: id },
        signed: { to: session.status === 'signed' },
      });
      return { fileName: `session-${parties.patient_mrn}-${session.performedOn}-${id.slice(0, 8)}.pdf`, pdf };
    });
  }
}
