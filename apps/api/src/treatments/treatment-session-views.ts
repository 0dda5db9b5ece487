import { Injectable } from '@nestjs/common';
import { anestheticMinutesOnSkin, findZone } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { AuditQueryService } from '../audit/audit-query.service';
import type { Actor } from '../common/access/actor';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { checkKeyFormat } from '../common/pagination/keyset-key-format';
import type { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { keysetPage, type KeysetPage } from '../common/pagination/keyset-page';
import { NotFoundError } from '../common/problems/domain-error';
import { TreatmentSession, TreatmentSessionZone } from './treatment-session.entity';
import type {
  AddendumDto,
  SessionCartridgeDto,
  TreatmentSessionDto,
  TreatmentSessionSummaryDto,
} from './treatment-sessions.dto';
import { patientSessionPage, sessionAddenda, sessionCartridges, sessionDevice, sessionSummary, type PatientSessionPageRow, type SessionSummaryRow } from './treatment-session.queries';

/** A patient's session list's sort key: the day performed, the start to the microsecond, then the session id. */
const PATIENT_SESSIONS_KEY: readonly KeysetPart[] = ['text', 'instant', 'uuid'];

function toSummary(row: SessionSummaryRow): TreatmentSessionSummaryDto {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: row.patient_name,
    locationId: row.location_id,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    appointmentId: row.appointment_id,
    procedureKind: row.procedure_kind,
    indication: row.indication as TreatmentSessionSummaryDto['indication'],
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
  constructor(private readonly trail: AuditQueryService) {}

  async find(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<TreatmentSession> {
    const query = manager
      .createQueryBuilder(TreatmentSession, 's')
      .where('s.id = :id AND s.organization_id = :org', { id, org: actor.organizationId });
    const session = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!session) throw new NotFoundError('Treatment session', id);
    return session;
  }

  /** One keyset page of the patient's sessions, newest first; 404 when the organization has no such patient. */
  async pageForPatient(manager: EntityManager, actor: Actor, patientId: string, query: KeysetPageQueryDto): Promise<KeysetPage<TreatmentSessionSummaryDto>> {
    const after = checkKeyFormat(decodeKeysetCursor(query.after, PATIENT_SESSIONS_KEY), ['calendar-date', 'microsecond-instant', 'any']);
    const rows = await patientSessionPage(manager, actor.organizationId, patientId, after, query.pageSize + 1);
    if (!rows[0]?.patient_found) throw new NotFoundError('Patient', patientId);
    const sessions = rows.filter((r): r is PatientSessionPageRow & { id: string } => r.id !== null);
    return keysetPage(sessions, query.pageSize, (r) => [r.performed_on, r.cursor_started_at, r.id], toSummary);
  }

  async load(manager: EntityManager, actor: Actor, id: string): Promise<TreatmentSessionDto> {
    const session = await this.find(manager, actor, id);
    const summary = (await sessionSummary(manager, actor.organizationId, id)) as SessionSummaryRow;
    const zones = await manager.find(TreatmentSessionZone, { where: { sessionId: id }, order: { position: 'ASC' } });
    const device = await sessionDevice(manager, actor.organizationId, session.deviceId);
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
      cartridges: await this.cartridges(manager, actor, id),
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
      recordHash: session.status === 'signed' ? await this.recordHash(manager, actor, id) : null,
      addenda: await this.addenda(manager, actor, id),
    };
  }

  /** The hash sealed when the session was signed: read from the HMAC-chained `treatment_session.signed` event, never recomputed. */
  private async recordHash(manager: EntityManager, actor: Actor, sessionId: string): Promise<string | null> {
    const [signed] = await this.trail.trailFor(manager, actor.organizationId, { type: 'treatment_session', id: sessionId }, { actions: ['treatment_session.signed'] });
    const sealed = (signed?.changes as { sessionHash?: { to?: unknown } } | null)?.sessionHash?.to;
    return typeof sealed === 'string' ? sealed : null;
  }

  private async cartridges(manager: EntityManager, actor: Actor, sessionId: string): Promise<SessionCartridgeDto[]> {
    const rows = await sessionCartridges(manager, actor.organizationId, sessionId);
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

  private async addenda(manager: EntityManager, actor: Actor, sessionId: string): Promise<AddendumDto[]> {
    const rows = await sessionAddenda(manager, actor.organizationId, sessionId);
    return rows.map((r) => ({ id: r.id, text: r.text, authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at.toISOString() }));
  }
}
