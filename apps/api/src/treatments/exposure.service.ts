import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { fileNamePart } from '../common/http/attachment';
import type { CsvCellValue } from '@skinledger/domain';
import type { ExposedSessionDto, ExposureReportDto, ExposureSubjectDto } from './exposure.dto';
import { deviceExposureRows, lotExposureRows, type ExposureRow } from './exposure.queries';

/**
 * Who was exposed: every treatment session that used a cartridge lot (through the ledger's `used` movements) or a
 * pen handpiece, with the patient's contact details and any adverse events, for a recall (domain.md section 10).
 * The subject and its sessions are read in one statement (one snapshot, a kept plan: exposure.queries.ts), the
 * disclosure audited in the request's transaction.
 */
@Injectable()
export class ExposureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async forLot(actor: Actor, lotId: string): Promise<ExposureReportDto> {
    return (await this.lotReport(actor, lotId)).report;
  }

  async forDevice(actor: Actor, deviceId: string): Promise<ExposureReportDto> {
    return (await this.deviceReport(actor, deviceId)).report;
  }

  /** The lot's report as a spreadsheet, named by the whole lot number, GTIN and product. */
  async lotCsv(actor: Actor, lotId: string): Promise<ExposureCsv> {
    const { report, fileName } = await this.lotReport(actor, lotId);
    return exposureCsv(report, fileName);
  }

  /** The pen's report as a spreadsheet, named by its serial number and model. */
  async deviceCsv(actor: Actor, deviceId: string): Promise<ExposureCsv> {
    const { report, fileName } = await this.deviceReport(actor, deviceId);
    return exposureCsv(report, fileName);
  }

  private async lotReport(actor: Actor, lotId: string): Promise<{ report: ExposureReportDto; fileName: string }> {
    const rows = await lotExposureRows(this.dataSource.manager, actor.organizationId, lotId);
    const lot = rows[0];
    if (!lot) throw new NotFoundError('Lot', lotId);
    const subject: ExposureSubjectDto = {
      kind: 'lot',
      id: lot.lot_id,
      label: `Lot ${lot.lot_number} of ${lot.product_name}${lot.gtin ? ` (GTIN ${lot.gtin})` : ''}`,
      status: lot.lot_status,
    };
    // Identifiers first and whole (a recall quotes them); only the product's name may be shortened.
    const parts = ['lot-exposure', fileNamePart(lot.lot_number), lot.gtin ? `GTIN-${fileNamePart(lot.gtin)}` : '', fileNamePart(lot.product_name)];
    return { report: await this.disclosed(actor, this.report(subject, sessionRows(rows))), fileName: `${parts.filter((p) => p !== '').join('_')}.csv` };
  }

  private async deviceReport(actor: Actor, deviceId: string): Promise<{ report: ExposureReportDto; fileName: string }> {
    const rows = await deviceExposureRows(this.dataSource.manager, actor.organizationId, deviceId);
    const device = rows[0];
    if (!device) throw new NotFoundError('Device', deviceId);
    const subject: ExposureSubjectDto = { kind: 'device', id: device.device_id, label: `${device.model}, serial ${device.serial_number}`, status: device.device_status };
    const parts = ['device-exposure', fileNamePart(device.serial_number), fileNamePart(device.model)];
    return { report: await this.disclosed(actor, this.report(subject, sessionRows(rows))), fileName: `${parts.filter((p) => p !== '').join('_')}.csv` };
  }

  /**
   * Listing patients' contacts is a disclosure of health information: it is audited like a record export, in the
   * request's transaction, which commits before the report is handed out (no answer without its audit event).
   */
  private async disclosed(actor: Actor, report: ExposureReportDto): Promise<ExposureReportDto> {
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'exposure.listed',
      entityType: report.subject.kind,
      entityId: report.subject.id,
      changes: { sessionCount: { to: report.sessionCount } },
    });
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

/** The report's sessions: a subject's row without a session (nobody treated with it) lists none. */
function sessionRows(rows: readonly Partial<ExposureRow>[]): ExposureRow[] {
  return rows.filter((r): r is ExposureRow => typeof r.session_id === 'string');
}

/** A CSV download: its file name, header and rows (sent by common/http/csv-writer). */
export interface ExposureCsv {
  fileName: string;
  header: readonly string[];
  rows: CsvCellValue[][];
}

const EXPOSURE_CSV_HEADER = [
  'Session date',
  'Patient',
  'MRN',
  'Date of birth',
  'Phone',
  'Email',
  'Procedure',
  'Practitioner',
  'Location',
  'Device serial',
  'Device model',
  'Cartridge lots',
  'Cartridges of this lot',
  'Adverse events',
  'Session id',
  'Record status',
] as const;

/** One row per session; phones as stored (E.164), which the writer's formula guard leaves as they are. */
function exposureCsv(report: ExposureReportDto, fileName: string): ExposureCsv {
  return {
    fileName,
    header: EXPOSURE_CSV_HEADER,
    rows: report.sessions.map((s) => [
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
  };
}
