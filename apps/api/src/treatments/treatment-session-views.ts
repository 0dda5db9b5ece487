import { Injectable } from '@nestjs/common';
import { anestheticMinutesOnSkin, findZone } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { TreatmentSession, TreatmentSessionZone } from './treatment-session.entity';
import type {
  AddendumDto,
  SessionCartridgeDto,
  TreatmentSessionDto,
  TreatmentSessionSummaryDto,
} from './treatment-sessions.dto';

interface SummaryRow {
  id: string;
  patient_id: string;
  patient_name: string;
  location_id: string;
  practitioner_id: string;
  practitioner_name: string;
  appointment_id: string | null;
  procedure_kind: 'cosmetic' | 'medical';
  max_depth_mm: string;
  performed_on: string;
  started_at: Date;
  status: 'in_progress' | 'signed';
  signed_at: Date | null;
}

const SUMMARY_SELECT = `
  SELECT s.id, s.patient_id, p.first_name || ' ' || p.last_name AS patient_name, s.location_id, s.practitioner_id,
         st.name AS practitioner_name, s.appointment_id, s.procedure_kind, s.max_depth_mm,
         to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.started_at, s.status, s.signed_at
  FROM treatment_sessions s
  JOIN patients p ON p.id = s.patient_id
  JOIN staff_members st ON st.id = s.practitioner_id`;

function toSummary(row: SummaryRow): TreatmentSessionSummaryDto {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    locationId: row.location_id,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    appointmentId: row.appointment_id,
    procedureKind: row.procedure_kind,
    maxDepthMm: Number(row.max_depth_mm),
    performedOn: row.performed_on,
    startedAt: row.started_at.toISOString(),
    status: row.status,
    signedAt: row.signed_at?.toISOString() ?? null,
  };
}

/** Reads sessions as the dashboard shows them: names resolved, zones in charting order, cartridges from the ledger. */
@Injectable()
export class TreatmentSessionViews {
  async find(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<TreatmentSession> {
    const query = manager
      .createQueryBuilder(TreatmentSession, 's')
      .where('s.id = :id AND s.organization_id = :org', { id, org: actor.organizationId });
    const session = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!session) throw new NotFoundError('Treatment session', id);
    return session;
  }

  async listForPatient(manager: EntityManager, actor: Actor, patientId: string): Promise<TreatmentSessionSummaryDto[]> {
    const rows: SummaryRow[] = await manager.query(
      `${SUMMARY_SELECT} WHERE s.organization_id = $1 AND s.patient_id = $2 ORDER BY s.performed_on DESC, s.started_at DESC`,
      [actor.organizationId, patientId],
    );
    return rows.map(toSummary);
  }

  async load(manager: EntityManager, actor: Actor, id: string): Promise<TreatmentSessionDto> {
    const session = await this.find(manager, actor, id);
    const [summary]: SummaryRow[] = await manager.query(`${SUMMARY_SELECT} WHERE s.id = $1`, [id]);
    const zones = await manager.find(TreatmentSessionZone, { where: { sessionId: id }, order: { position: 'ASC' } });
    const [device]: { serial_number: string; model: string }[] = await manager.query(`SELECT serial_number, model FROM devices WHERE id = $1`, [session.deviceId]);
    return {
      ...toSummary(summary),
      walkInReason: session.walkInReason,
      deviceId: session.deviceId,
      deviceSerialNumber: device.serial_number,
      deviceModel: device.model,
      zones: zones.map((z) => ({
        zone: z.zone,
        label: findZone(z.zone)?.label ?? z.zone,
        depthMm: z.depthMm,
        passes: z.passes,
        overrideReason: z.overrideReason,
      })),
      cartridges: await this.cartridges(manager, id),
      anesthetic: session.anestheticProduct
        ? {
            product: session.anestheticProduct,
            strength: session.anestheticStrength,
            lotNumber: session.anestheticLotNumber,
            area: session.anestheticArea,
            appliedAt: session.anestheticAppliedAt?.toISOString() ?? null,
            removedAt: session.anestheticRemovedAt?.toISOString() ?? null,
            minutesOnSkin: anestheticMinutesOnSkin(session.anestheticAppliedAt, session.anestheticRemovedAt),
          }
        : null,
      topicalProducts: session.topicalProducts,
      technique: session.technique,
      clinicalEndpoint: session.clinicalEndpoint,
      erythemaGrade: session.erythemaGrade,
      postCareInstructions: session.postCareInstructions,
      notes: session.notes,
      acknowledgements: session.acknowledgements,
      preflightWarnings: session.preflightWarnings,
      photosPlanned: session.photosPlanned,
      signedBy: session.signedBy,
      addenda: await this.addenda(manager, id),
    };
  }

  private async cartridges(manager: EntityManager, sessionId: string): Promise<SessionCartridgeDto[]> {
    const rows: {
      id: string;
      lot_id: string;
      lot_number: string;
      product_name: string;
      expires_on: string;
      quantity: number;
      reason: string | null;
      recorded_at: Date;
    }[] = await manager.query(
      `SELECT m.id, m.lot_id, l.lot_number, pr.name AS product_name, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on,
              m.quantity, m.reason, m.recorded_at
       FROM stock_movements m JOIN lots l ON l.id = m.lot_id JOIN products pr ON pr.id = l.product_id
       WHERE m.treatment_session_id = $1 AND m.type = 'used'
       ORDER BY m.recorded_at`,
      [sessionId],
    );
    return rows.map((r) => ({
      movementId: r.id,
      lotId: r.lot_id,
      lotNumber: r.lot_number,
      productName: r.product_name,
      expiresOn: r.expires_on,
      quantity: r.quantity,
      reason: r.reason,
      recordedAt: r.recorded_at.toISOString(),
    }));
  }

  private async addenda(manager: EntityManager, sessionId: string): Promise<AddendumDto[]> {
    const rows: { id: string; text: string; author_id: string; author_name: string; created_at: Date }[] = await manager.query(
      `SELECT a.id, a.text, a.author_id, st.name AS author_name, a.created_at
       FROM treatment_session_addenda a JOIN staff_members st ON st.id = a.author_id
       WHERE a.session_id = $1 ORDER BY a.created_at, a.id`,
      [sessionId],
    );
    return rows.map((r) => ({ id: r.id, text: r.text, authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at.toISOString() }));
  }
}
