import { Injectable } from '@nestjs/common';
import { anestheticMinutesOnSkin, findZone } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { checkKeyFormat } from '../common/pagination/keyset-key-format';
import type { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { keysetPage, type KeysetPage } from '../common/pagination/keyset-page';
import { NotFoundError } from '../common/problems/domain-error';
import { TreatmentSession } from './treatment-session.entity';
import type {
  TreatmentSessionDto,
  TreatmentSessionSummaryDto,
} from './treatment-sessions.dto';
import { patientSessionPage, sessionRecord, type PatientSessionPageRow, type SessionSummaryRow } from './treatment-session.queries';

/** Who and where, for the printed record. */
export interface SessionRecordParties {
  organizationName: string;
  patientMrn: string;
  patientDateOfBirth: string;
  locationName: string;
  timeZone: string;
}

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
    return (await this.loadRecord(manager, actor, id)).session;
  }

  /**
   * The session as the dashboard shows it, and who and where for the printed record (the clinic, the patient's MRN
   * and birth date, the location and its zone): one statement. The record hash is the one sealed in the HMAC-chained
   * `treatment_session.signed` event, never recomputed.
   */
  async loadRecord(manager: EntityManager, actor: Actor, id: string): Promise<{ session: TreatmentSessionDto; parties: SessionRecordParties }> {
    const row = await sessionRecord(manager, actor.organizationId, id);
    if (!row) throw new NotFoundError('Treatment session', id);
    const session: TreatmentSessionDto = {
      ...toSummary(row),
      walkInReason: row.walk_in_reason,
      deviceId: row.device_id,
      deviceSerialNumber: row.device_serial_number,
      deviceModel: row.device_model,
      zones: row.zones.map((z) => ({
        zone: z.zone,
        label: findZone(z.zone)?.label ?? z.zone,
        depthMm: Number(z.depth_mm),
        passes: z.passes,
        overrideReason: z.override_reason,
      })),
      cartridges: row.cartridges.map((r) => ({
        movementId: r.id,
        lotId: r.lot_id,
        lotNumber: r.lot_number,
        productName: r.product_name,
        expiresOn: r.expires_on,
        quantity: r.quantity,
        reason: r.reason,
        recordedAt: new Date(r.recorded_at).toISOString(),
      })),
      anesthetic: row.anesthetic_product
        ? {
            product: row.anesthetic_product,
            strength: row.anesthetic_strength,
            lotNumber: row.anesthetic_lot_number,
            area: row.anesthetic_area,
            appliedAt: row.anesthetic_applied_at?.toISOString() ?? null,
            removedAt: row.anesthetic_removed_at?.toISOString() ?? null,
            minutesOnSkin: anestheticMinutesOnSkin(row.anesthetic_applied_at, row.anesthetic_removed_at),
          }
        : null,
      topicalProducts: row.topical_products,
      technique: row.technique,
      clinicalEndpoint: row.clinical_endpoint,
      erythemaGrade: row.erythema_grade,
      postCareInstructions: row.post_care_instructions,
      notes: row.notes,
      acknowledgements: row.acknowledgements,
      preflightWarnings: row.preflight_warnings,
      photosPlanned: row.photos_planned,
      signedBy: row.signed_by,
      recordHash: row.status === 'signed' ? row.sealed_hash : null,
      addenda: row.addenda.map((r) => ({ id: r.id, text: r.text, authorId: r.author_id, authorName: r.author_name, createdAt: new Date(r.created_at).toISOString() })),
    };
    return {
      session,
      parties: {
        organizationName: row.organization_name,
        patientMrn: row.patient_mrn,
        patientDateOfBirth: row.patient_date_of_birth,
        locationName: row.location_name,
        timeZone: row.location_timezone,
      },
    };
  }
}
