import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    private readonly histories: MedicalHistoryService,
    private readonly timeline: TimelineService,
  ) {}

  async export(actor: Actor, patientId: string): Promise<PatientExportDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await findPatient(manager, actor, patientId);
      const versions = await this.histories.versions(manager, actor.organizationId, patientId);
      const timeline = await this.timeline.items(manager, actor.organizationId, patientId);
      await this.audit.record(manager, actor, { action: 'patient.exported', entityType: 'patient', entityId: patientId });
      const accessLog: { occurred_at: Date; action: string; actor_name: string | null }[] = await manager.query(
        `SELECT e.occurred_at, e.action, s.name AS actor_name
         FROM audit_events e LEFT JOIN staff_members s ON s.id = e.actor_id
         WHERE e.organization_id = $1 AND e.entity_type = 'patient' AND e.entity_id = $2
         ORDER BY e.occurred_at, e.id`,
        [actor.organizationId, patientId],
      );
      return {
        format: 'skinledger.patient-export',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        exportedBy: { id: actor.staffMemberId, name: actor.name },
        patient: toPatientDto(patient),
        medicalHistory: versions.map(toVersionDto),
        timeline,
        accessLog: accessLog.map((e) => ({ at: e.occurred_at.toISOString(), action: e.action, actorName: e.actor_name })),
      };
    });
  }
}
