import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADVERSE_EVENT_TYPE_INFO, isAdverseEventType } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError } from '../common/problems/domain-error';
import { findPatient } from '../patients/patient-records';
import { AdverseEvent } from './adverse-event.entity';
import type { AdverseEventDto, RecordAdverseEventDto } from './adverse-events.dto';
import { TreatmentSessionViews } from './treatment-session-views';

/**
 * Adverse events after a session (domain.md section 7). Each is tied to its session, and so to the session's cartridge
 * lots, device and topical products: they show on the patient's timeline and on the lot's and device's exposure report.
 * Signed sessions take adverse events too: they happen after the record is closed.
 */
@Injectable()
export class AdverseEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: TreatmentSessionViews,
  ) {}

  async record(actor: Actor, sessionId: string, input: RecordAdverseEventDto): Promise<AdverseEventDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.find(manager, actor, sessionId);
      if (input.onsetOn < session.performedOn) throw new InvalidFieldError('onsetOn', `must not be before the session (${session.performedOn})`);
      const { identifiers } = await manager.insert(AdverseEvent, {
        organizationId: actor.organizationId,
        sessionId: session.id,
        patientId: session.patientId,
        type: input.type,
        onsetOn: input.onsetOn,
        grade: input.grade ?? null,
        durationDays: input.durationDays ?? null,
        description: input.description,
        treatment: input.treatment ?? '',
        outcome: input.outcome,
        recordedBy: actor.staffMemberId,
      });
      const id = (identifiers[0] as { id: string }).id;
      await this.audit.record(manager, actor, {
        action: 'adverse_event.recorded',
        entityType: 'treatment_session',
        entityId: session.id,
        changes: { adverseEventId: { to: id }, type: { to: input.type }, onsetOn: { to: input.onsetOn }, outcome: { to: input.outcome } },
      });
      const [event] = await this.load(manager, actor, 'e.id = $2', id);
      return event;
    });
  }

  /** Audited in the same transaction: a list of adverse events is part of the clinical record. */
  async listForPatient(actor: Actor, patientId: string): Promise<AdverseEventDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await findPatient(manager, actor, patientId);
      const events = await this.load(manager, actor, 'e.patient_id = $2', patientId);
      await this.audit.recordPatientRead(manager, actor, patientId, 'adverse_events.listed', { count: { to: events.length } });
      return events;
    });
  }

  async listForSession(manager: EntityManager, actor: Actor, sessionId: string): Promise<AdverseEventDto[]> {
    return this.load(manager, actor, 'e.session_id = $2', sessionId);
  }

  private async load(manager: EntityManager, actor: Actor, where: string, param: string): Promise<AdverseEventDto[]> {
    const rows: {
      id: string;
      session_id: string;
      patient_id: string;
      performed_on: string;
      type: string;
      onset_on: string;
      grade: number | null;
      duration_days: number | null;
      description: string;
      treatment: string;
      outcome: string;
      lot_numbers: string[];
      serial_number: string;
      topical_products: { name: string; lotNumber: string | null }[];
      recorded_by: string;
      recorded_by_name: string;
      recorded_at: Date;
    }[] = await manager.query(
      `SELECT e.id, e.session_id, e.patient_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, e.type,
              to_char(e.onset_on, 'YYYY-MM-DD') AS onset_on, e.grade, e.duration_days, e.description, e.treatment, e.outcome,
              ARRAY(SELECT DISTINCT l.lot_number FROM stock_movements m JOIN lots l ON l.id = m.lot_id
                    WHERE m.treatment_session_id = s.id AND m.type = 'used' ORDER BY l.lot_number) AS lot_numbers,
              d.serial_number, s.topical_products, e.recorded_by, st.name AS recorded_by_name, e.recorded_at
       FROM adverse_events e
       JOIN treatment_sessions s ON s.id = e.session_id
       JOIN devices d ON d.id = s.device_id
       JOIN staff_members st ON st.id = e.recorded_by
       WHERE e.organization_id = $1 AND ${where}
       ORDER BY e.onset_on DESC, e.recorded_at DESC`,
      [actor.organizationId, param],
    );
    return rows.map((r) => {
      const info = isAdverseEventType(r.type) ? ADVERSE_EVENT_TYPE_INFO[r.type] : { label: r.type, seriousness: 'other' as const };
      return {
        id: r.id,
        sessionId: r.session_id,
        patientId: r.patient_id,
        sessionPerformedOn: r.performed_on,
        type: r.type,
        typeLabel: info.label,
        seriousness: info.seriousness,
        onsetOn: r.onset_on,
        grade: r.grade,
        durationDays: r.duration_days,
        description: r.description,
        treatment: r.treatment,
        outcome: r.outcome,
        lotNumbers: r.lot_numbers,
        deviceSerialNumber: r.serial_number,
        topicalProducts: r.topical_products.map((t) => (t.lotNumber ? `${t.name} (lot ${t.lotNumber})` : t.name)),
        recordedBy: r.recorded_by,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at.toISOString(),
      };
    });
  }
}
