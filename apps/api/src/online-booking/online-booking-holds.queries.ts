import type { ServiceProcedureKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * Serializes the holds asked for one e-mail at one clinic, so the per-e-mail limit cannot be passed by requests
 * racing each other; returns how many holds the address took since `since` and the oldest of them.
 */
export async function lockAndCountHoldsByEmail(db: Db, organizationId: string, email: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 16))`, [`online-hold-email:${organizationId}:${email.toLowerCase()}`]);
  const [row]: { count: string; oldest: Date | null }[] = await db.query(
    `SELECT count(*) AS count, min(created_at) AS oldest FROM online_booking_holds
      WHERE organization_id = $1 AND lower(email) = lower($2) AND created_at > $3::timestamptz`,
    [organizationId, email, since],
  );
  return { count: Number(row.count), oldest: row.oldest };
}

/** The location's country, to read a phone number typed in its local format. */
export async function locationCountry(db: Db, organizationId: string, locationId: string): Promise<string | undefined> {
  const [row]: { country_code: string }[] = await db.query(`SELECT country_code FROM location_directory WHERE organization_id = $1 AND id = $2`, [organizationId, locationId]);
  return row?.country_code;
}

export interface NewOnlineHold {
  id: string;
  organizationId: string;
  appointmentId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  codeHash: Buffer;
  expiresAt: Date;
}

export async function insertOnlineHold(db: Db, h: NewOnlineHold): Promise<void> {
  await db.query(
    `INSERT INTO online_booking_holds (id, organization_id, appointment_id, first_name, last_name, date_of_birth, email, phone, code_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [h.id, h.organizationId, h.appointmentId, h.firstName, h.lastName, h.dateOfBirth, h.email, h.phone, h.codeHash, h.expiresAt],
  );
}

export interface OnlineHoldRow {
  id: string;
  appointment_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  email: string;
  phone: string;
  code_hash: Buffer;
  wrong_codes: number;
  expires_at: Date;
  ended_at: Date | null;
  ended_because: 'confirmed' | 'wrong_codes' | 'refused' | null;
}

/** The hold, locked for the rest of the caller's transaction (one confirmation at a time counts its tries). */
export async function lockOnlineHold(db: Db, organizationId: string, id: string): Promise<OnlineHoldRow | undefined> {
  const [row] = await db.query(
    `SELECT id, appointment_id, first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, email, phone, code_hash, wrong_codes,
            expires_at, ended_at, ended_because
       FROM online_booking_holds WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
    [organizationId, id],
  );
  return row;
}

export async function recordWrongCode(db: Db, organizationId: string, id: string): Promise<number> {
  const [row]: { wrong_codes: number }[] = await db.query(
    `WITH counted AS (UPDATE online_booking_holds SET wrong_codes = wrong_codes + 1 WHERE organization_id = $1 AND id = $2 RETURNING wrong_codes)
     SELECT wrong_codes FROM counted`,
    [organizationId, id],
  );
  return row.wrong_codes;
}

export async function endOnlineHold(db: Db, organizationId: string, id: string, because: 'confirmed' | 'wrong_codes' | 'refused'): Promise<void> {
  await db.query(`UPDATE online_booking_holds SET ended_at = now(), ended_because = $3 WHERE organization_id = $1 AND id = $2`, [organizationId, id, because]);
}

/** The manage link's key, hashed; valid until the appointment ends. */
export async function insertManageToken(db: Db, t: { organizationId: string; appointmentId: string; tokenHash: Buffer; expiresAt: Date }): Promise<void> {
  await db.query(`INSERT INTO online_booking_manage_tokens (organization_id, appointment_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
    t.organizationId,
    t.appointmentId,
    t.tokenHash,
    t.expiresAt,
  ]);
}

/** Whether the patient was ever given a manage link for the appointment. */
export async function hasManageToken(db: Db, organizationId: string, appointmentId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM online_booking_manage_tokens WHERE organization_id = $1 AND appointment_id = $2 LIMIT 1`, [organizationId, appointmentId]);
  return rows.length > 0;
}

export interface ManageLinkRow {
  organization_id: string;
  appointment_id: string;
  /** The clinic's name. */
  name: string;
  /** The stored settings key `onlineBooking` (defaults applied by the caller). */
  online_booking: Record<string, unknown> | null;
}

/**
 * online_booking_manage_resolve (SECURITY DEFINER): the appointment a manage key's hash names, while it has not
 * ended; sets the tenant for the rest of the transaction. One indexed lookup whatever the key.
 */
export async function resolveManageLink(db: Db, tokenHash: Buffer): Promise<ManageLinkRow | undefined> {
  const [row] = await db.query(`SELECT organization_id, appointment_id, name, online_booking FROM online_booking_manage_resolve($1)`, [tokenHash]);
  return row;
}

/** What the pre-visit forms need of the appointment a manage link names (scheduling's published appointment_consent_context). */
export interface FormsAppointmentRow {
  id: string;
  patient_id: string;
  practitioner_id: string;
  status: string;
  starts_at: Date;
  timezone: string;
  service_procedure_kind: ServiceProcedureKind;
}

export async function formsAppointment(db: Db, organizationId: string, id: string): Promise<FormsAppointmentRow | undefined> {
  const [row]: FormsAppointmentRow[] = await db.query(
    `SELECT a.id, a.patient_id, a.practitioner_id, a.status, a.starts_at, l.timezone, a.service_procedure_kind
       FROM appointment_consent_context a JOIN location_directory l ON l.id = a.location_id
      WHERE a.organization_id = $1 AND a.id = $2 AND a.patient_id IS NOT NULL`,
    [organizationId, id],
  );
  return row;
}

/** A consent of the visit as the forms page shows it (consents' published view visit_consent_forms). */
export interface VisitConsentFormJson {
  id: string;
  kind: string;
  title: string;
  body: string;
  acknowledgements: { key: string; text: string; required: boolean }[];
  practitionerName: string;
  signedAt: string | null;
  signedRemotely: boolean;
  witnessedAt: string | null;
  witnessRequired: boolean;
}

export interface FormsPageRow extends FormsAppointmentRow {
  /** The patient's latest medical history (patients' published view patient_screening_facts); null when none. */
  history_version: number | null;
  history_answers: Record<string, unknown> | null;
  history_recorded_at: Date | null;
  history_source: 'staff' | 'patient' | null;
  consents: VisitConsentFormJson[];
}

/**
 * The forms page's read in ONE statement (issue 15's budget): the appointment, the patient's latest medical history and
 * the visit's consents of this patient (unsigned ones only while they name the appointment's practitioner), through
 * the views scheduling, patients and consents publish.
 */
export async function formsPage(db: Db, organizationId: string, id: string): Promise<FormsPageRow | undefined> {
  const [row]: FormsPageRow[] = await db.query(
    `SELECT a.id, a.patient_id, a.practitioner_id, a.status, a.starts_at, l.timezone, a.service_procedure_kind,
            f.history_version, f.history_answers, f.history_recorded_at, f.history_source,
            (SELECT coalesce(json_agg(json_build_object(
                      'id', c.id, 'kind', c.kind, 'title', c.title, 'body', c.body, 'acknowledgements', c.acknowledgements,
                      'practitionerName', c.practitioner_name, 'signedAt', c.signed_at, 'signedRemotely', c.signed_remotely,
                      'witnessedAt', c.witnessed_at, 'witnessRequired', c.witness_required) ORDER BY c.created_at, c.id), '[]')
               FROM visit_consent_forms c
              WHERE c.organization_id = a.organization_id AND c.appointment_id = a.id AND c.patient_id = a.patient_id
                AND (c.signed_at IS NOT NULL OR c.practitioner_id = a.practitioner_id)) AS consents
       FROM appointment_consent_context a
       JOIN location_directory l ON l.id = a.location_id
       LEFT JOIN patient_screening_facts f ON f.organization_id = a.organization_id AND f.patient_id = a.patient_id
      WHERE a.organization_id = $1 AND a.id = $2 AND a.patient_id IS NOT NULL`,
    [organizationId, id],
  );
  return row;
}
