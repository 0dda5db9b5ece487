import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { toCsv } from '../common/http/csv-writer';
import type { ExposedSessionDto, ExposureReportDto, ExposureSubjectDto } from './exposure.dto';

interface ExposureRow {
  session_id: string;
  performed_on: string;
  procedure_kind: 'cosmetic' | 'medical';
  status: 'in_progress' | 'signed';
  patient_id: string;
  patient_name: string;
  mrn: string;
  date_of_birth: string;
  phone: string | null;
  email: string | null;
  practitioner_name: string;
  location_name: string;
  device_serial_number: string;
  device_model: string;
  lot_numbers: string[];
  cartridges_used: number;
  adverse_events: { id: string; type: string; onsetOn: string; grade: number | null; outcome: string; description: string }[];
}

/**
 * Who was exposed: every treatment session that used a cartridge lot (through the ledger's `used` movements) or a
 * pen handpiece, with the patient's contact details and any adverse events, for a recall (domain.md section 10).
 * One query per report; the lot report walks the partial index stock_movements_exposure_idx, so its cost follows
 * the lot's own use, not the size of the database.
 */
@Injectable()
export class ExposureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forLot(actor: Actor, lotId: string): Promise<ExposureReportDto> {
    return this.disclosed(actor, await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [lot]: { id: string; lot_number: string; status: string; product_name: string; gtin: string | null }[] = await manager.query(
        `SELECT l.id, l.lot_number, l.status, p.name AS product_name, p.gtin
         FROM lots l JOIN products p ON p.id = l.product_id WHERE l.id = $1 AND l.organization_id = $2`,
        [lotId, actor.organizationId],
      );
      if (!lot) throw new NotFoundError('Lot', lotId);
      const rows = await this.sessions(
        manager,
        `WITH uses AS (
           SELECT treatment_session_id AS session_id, sum(quantity)::int AS cartridges_used
           FROM stock_movements WHERE lot_id = $1 AND type = 'used' AND organization_id = $2
           GROUP BY treatment_session_id)`,
        'JOIN uses u ON u.session_id = s.id',
        'u.cartridges_used',
        [lotId, actor.organizationId],
      );
      const subject: ExposureSubjectDto = {
        kind: 'lot',
        id: lot.id,
        label: `Lot ${lot.lot_number} of ${lot.product_name}${lot.gtin ? ` (GTIN ${lot.gtin})` : ''}`,
        status: lot.status,
      };
      return this.report(subject, rows);
    }));
  }

  async forDevice(actor: Actor, deviceId: string): Promise<ExposureReportDto> {
    return this.disclosed(actor, await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [device]: { id: string; serial_number: string; model: string; status: string }[] = await manager.query(
        `SELECT id, serial_number, model, status FROM devices WHERE id = $1 AND organization_id = $2`,
        [deviceId, actor.organizationId],
      );
      if (!device) throw new NotFoundError('Device', deviceId);
      const rows = await this.sessions(manager, '', '', '0', [deviceId, actor.organizationId], 's.device_id = $1 AND s.organization_id = $2');
      const subject: ExposureSubjectDto = { kind: 'device', id: device.id, label: `${device.model}, serial ${device.serial_number}`, status: device.status };
      return this.report(subject, rows);
    }));
  }

  toCsv(report: ExposureReportDto): string {
    return toCsv(
      ['Session date', 'Patient', 'MRN', 'Date of birth', 'Phone', 'Email', 'Procedure', 'Practitioner', 'Location', 'Device serial', 'Device model', 'Cartridge lots', 'Cartridges of this lot', 'Adverse events', 'Session id', 'Record status'],
      report.sessions.map((s) => [
        s.performedOn,
        s.patientName,
        s.mrn,
        s.dateOfBirth,
        s.phone,
        s.email,
        s.procedureKind,
        s.practitionerName,
        s.locationName,
        s.deviceSerialNumber,
        s.deviceModel,
        s.lotNumbers.join(' '),
        s.cartridgesUsed,
        s.adverseEvents.map((a) => `${a.onsetOn} ${a.type}${a.grade === null ? '' : ` grade ${a.grade}`} (${a.outcome})`).join('; '),
        s.sessionId,
        s.status,
      ]),
    );
  }

  private async sessions(
    manager: EntityManager,
    prefix: string,
    join: string,
    cartridges: string,
    params: unknown[],
    where = 'true',
  ): Promise<ExposureRow[]> {
    return manager.query(
      `${prefix}
       SELECT s.id AS session_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.procedure_kind, s.status,
              p.id AS patient_id, p.first_name || ' ' || p.last_name AS patient_name, p.mrn,
              to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.phone, p.email,
              st.name AS practitioner_name, loc.name AS location_name, d.serial_number AS device_serial_number, d.model AS device_model,
              ${cartridges} AS cartridges_used,
              ARRAY(SELECT DISTINCT l.lot_number FROM stock_movements m JOIN lots l ON l.id = m.lot_id
                    WHERE m.treatment_session_id = s.id AND m.type = 'used' ORDER BY l.lot_number) AS lot_numbers,
              coalesce((SELECT json_agg(json_build_object('id', a.id, 'type', a.type, 'onsetOn', to_char(a.onset_on, 'YYYY-MM-DD'),
                                                          'grade', a.grade, 'outcome', a.outcome, 'description', a.description)
                                        ORDER BY a.onset_on, a.recorded_at)
                        FROM adverse_events a WHERE a.session_id = s.id), '[]'::json) AS adverse_events
       FROM treatment_sessions s
       ${join}
       JOIN patients p ON p.id = s.patient_id
       JOIN staff_members st ON st.id = s.practitioner_id
       JOIN locations loc ON loc.id = s.location_id
       JOIN devices d ON d.id = s.device_id
       WHERE ${where}
       ORDER BY s.performed_on, s.started_at, s.id`,
      params,
    );
  }

  /**
   * Listing patients' contacts is a disclosure of health information: it is audited like a record export, before the
   * report is handed out. The report reads one REPEATABLE READ snapshot; the audit chain needs READ COMMITTED (its
   * head moves with every write in the clinic), so the event is committed in its own transaction right after.
   */
  private async disclosed(actor: Actor, report: ExposureReportDto): Promise<ExposureReportDto> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'exposure.listed',
        entityType: report.subject.kind,
        entityId: report.subject.id,
        changes: { sessionCount: { to: report.sessionCount } },
      }),
    );
    return report;
  }

  private report(subject: ExposureSubjectDto, rows: ExposureRow[]): ExposureReportDto {
    const sessions: ExposedSessionDto[] = rows.map((r) => ({
      sessionId: r.session_id,
      performedOn: r.performed_on,
      procedureKind: r.procedure_kind,
      status: r.status,
      patientId: r.patient_id,
      patientName: r.patient_name,
      mrn: r.mrn,
      dateOfBirth: r.date_of_birth,
      phone: r.phone,
      email: r.email,
      practitionerName: r.practitioner_name,
      locationName: r.location_name,
      deviceSerialNumber: r.device_serial_number,
      deviceModel: r.device_model,
      lotNumbers: r.lot_numbers,
      cartridgesUsed: Number(r.cartridges_used),
      adverseEvents: r.adverse_events,
    }));
    return {
      subject,
      sessionCount: sessions.length,
      patientCount: new Set(sessions.map((s) => s.patientId)).size,
      adverseEventCount: sessions.reduce((n, s) => n + s.adverseEvents.length, 0),
      generatedAt: new Date().toISOString(),
      sessions,
    };
  }
}
