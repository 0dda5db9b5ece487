import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADVERSE_EVENT_TYPE_INFO, isAdverseEventType, readable } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { AdverseEvent } from './adverse-event.entity';
import type { AdverseEventDto, RecordAdverseEventDto } from './adverse-events.dto';
import { adverseEventRows, patientAdverseEventRows, type AdverseEventRow } from './adverse-events.queries';
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
      if (input.onsetOn < session.performedOn) {
        throw new InvalidFieldError('onsetOn', `must not be before the session (${readable(actor.locale).date(session.performedOn)})`);
      }
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
      const [event] = await this.load(manager, actor, { eventId: id });
      return event;
    });
  }

  /** Audited in the same transaction: a list of adverse events is part of the clinical record. */
  async listForPatient(actor: Actor, patientId: string): Promise<AdverseEventDto[]> {
    return this.dataSource.transaction(async (manager) => {
      // The patient check rides on the list's statement (issue 15).
      const rows = await patientAdverseEventRows(manager, actor.organizationId, patientId);
      if (!rows) throw new NotFoundError('Patient', patientId);
      const events = this.toDtos(rows);
      await this.audit.recordPatientRead(manager, actor, patientId, 'adverse_events.listed', { count: { to: events.length } });
      return events;
    });
  }

  async listForSession(manager: EntityManager, actor: Actor, sessionId: string): Promise<AdverseEventDto[]> {
    return this.load(manager, actor, { sessionId });
  }

  private async load(manager: EntityManager, actor: Actor, by: { eventId?: string; patientId?: string; sessionId?: string }): Promise<AdverseEventDto[]> {
    return this.toDtos(await adverseEventRows(manager, actor.organizationId, by));
  }

  private toDtos(rows: AdverseEventRow[]): AdverseEventDto[] {
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
