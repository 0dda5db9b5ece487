import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditQueryService } from '../audit/audit-query.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { MedicalHistoryService, toVersionDto } from './medical-history.service';
import type { PatientExportDto } from './patient-export.dto';
import { findPatient, toPatientDto } from './patient-records';
import { TimelineService } from './timeline/timeline.service';

/** The whole record of one patient as JSON (a data-access request); every export is audited before it is handed out. */
@Injectable()
export class PatientExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditQueryService,
    private readonly histories: MedicalHistoryService,
    private readonly timeline: TimelineService,
  ) {}

  async export(actor: Actor, patientId: string): Promise<PatientExportDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, patientId);
      const versions = await this.histories.versions(manager, actor.organizationId, patientId);
      const timeline = await this.timeline.items(manager, actor.organizationId, patientId);
      await this.audit.record(manager, actor, { action: 'patient.exported', entityType: 'patient', entityId: patientId });
      // Read after the export's own event, so the access log handed out includes this export.
      const accessLog = await this.auditTrail.trailFor(manager, actor.organizationId, { type: 'patient', id: patientId });
      return {
        format: 'skinledger.patient-export',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        exportedBy: { id: actor.staffMemberId, name: actor.name },
        patient: toPatientDto(patient),
        medicalHistory: versions.map(toVersionDto),
        timeline,
        accessLog: accessLog.map((e) => ({ at: e.occurredAt.toISOString(), action: e.action, actorName: e.actorName })),
      };
    });
  }
}
