import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { MedicalHistoryVersion } from './medical-history-version.entity';
import { toVersionDto } from './medical-history.service';
import { PATIENT_EXPORT_COLUMNS, patientFromJson, type PatientExportColumns } from './patient-export.queries';
import type { PatientExportDto } from './patient-export.dto';
import { toPatientDto } from './patient-records';
import { TimelineService } from './timeline/timeline.service';

/** The whole record of one patient as JSON (a data-access request); every export is audited before it is handed out. */
@Injectable()
export class PatientExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
  ) {}

  /**
   * Five statements whatever the record's size: the record, its history, timeline and access log so far in ONE
   * (beside the timeline's views), then the export's own audit event, which the access log handed out ends with.
   */
  async export(actor: Actor, patientId: string): Promise<PatientExportDto> {
    return this.dataSource.transaction(async (manager) => {
      const { items: timeline, extra } = await this.timeline.read(manager, actor.organizationId, patientId, PATIENT_EXPORT_COLUMNS);
      const read = extra as unknown as PatientExportColumns;
      if (!read.patient) throw new NotFoundError('Patient', patientId);
      const patient = patientFromJson(manager, read.patient);
      const versions = read.versions.map((v) => Object.assign(new MedicalHistoryVersion(), { ...v, recordedAt: new Date(v.recordedAt) }));
      const exportedAt = await this.audit.record(manager, actor, { action: 'patient.exported', entityType: 'patient', entityId: patientId });
      const accessLog = [...read.access_log.map((e) => ({ ...e, at: new Date(e.at) })), { at: new Date(exportedAt), action: 'patient.exported', actorName: actor.name }];
      return {
        format: 'skinledger.patient-export',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        exportedBy: { id: actor.staffMemberId, name: actor.name },
        patient: toPatientDto(patient),
        medicalHistory: versions.map(toVersionDto),
        timeline,
        accessLog: accessLog.map((e) => ({ at: e.at.toISOString(), action: e.action, actorName: e.actorName })),
      };
    });
  }
}
