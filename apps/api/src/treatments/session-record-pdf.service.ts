import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { renderSessionRecordPdf } from './session-record-pdf';
import { TreatmentSessionViews } from './treatment-session-views';

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
      // The session and who and where, in one statement (issue 15).
      const { session, parties } = await this.views.loadRecord(manager, actor, id);
      const pdf = await renderSessionRecordPdf({
        session,
        ...parties,
        generatedAt: new Date(),
      });
      await this.audit.recordPatientRead(manager, actor, session.patientId, 'treatment_session.pdf_downloaded', {
        sessionId: { to: id },
        signed: { to: session.status === 'signed' },
      });
      return { fileName: `session-${parties.patientMrn}-${session.performedOn}-${id.slice(0, 8)}.pdf`, pdf };
    });
  }
}
