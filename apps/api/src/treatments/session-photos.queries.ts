import type { PhotoAngle, PhotoPhase } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

import { rowsOfKnownPatient } from './patient-rows.queries';

type Db = Pick<EntityManager, 'query'>;

export interface PhotoRow {
  id: string;
  sessionId: string;
  phase: PhotoPhase;
  angle: PhotoAngle;
  contentType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: Date;
  performed_on: string;
}

const PHOTO_ROWS = `
  SELECT p.id, p.session_id AS "sessionId", p.phase, p.angle, p.content_type AS "contentType", p.byte_size AS "byteSize",
         p.sha256, p.uploaded_at AS "uploadedAt", to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on
  FROM treatment_session_photos p JOIN treatment_sessions s ON s.id = p.session_id
  WHERE p.organization_id = $1 AND ($2::uuid IS NULL OR p.id = $2) AND ($3::uuid IS NULL OR p.session_id = $3) AND ($4::uuid IS NULL OR p.patient_id = $4)
  ORDER BY s.performed_on, p.uploaded_at`;

/** Photos of the organization by one photo id, one session or one patient (give one), in session-date order. */
export async function photoRows(db: Db, organizationId: string, by: { photoId?: string; sessionId?: string; patientId?: string }): Promise<PhotoRow[]> {
  return db.query(PHOTO_ROWS, [organizationId, by.photoId ?? null, by.sessionId ?? null, by.patientId ?? null]);
}

/** A patient's photos in session-date order, or null when the organization has no such patient: one statement. */
export function patientPhotoRows(db: Db, organizationId: string, patientId: string): Promise<PhotoRow[] | null> {
  return rowsOfKnownPatient<PhotoRow>(db, PHOTO_ROWS, [organizationId, null, null, patientId], 1, 4);
}

/**
 * A session's photos in session-date order with the session's patient, or null when the organization has no such
 * session: one statement (issue 15).
 */
export async function sessionPhotoRows(db: Db, organizationId: string, sessionId: string): Promise<{ patientId: string; photos: PhotoRow[] } | null> {
  const rows: (PhotoRow & { session_patient_id: string | null })[] = await db.query(
    `SELECT k.session_patient_id, x.*
     FROM (SELECT (SELECT patient_id FROM treatment_sessions WHERE organization_id = $1 AND id = $3) AS session_patient_id) k
     LEFT JOIN LATERAL (${PHOTO_ROWS}) x ON k.session_patient_id IS NOT NULL`,
    [organizationId, null, sessionId, null],
  );
  const patientId = rows[0]?.session_patient_id;
  if (!patientId) return null;
  return { patientId, photos: rows.filter((r) => r.id !== null).map(({ session_patient_id: _patient, ...photo }) => photo) };
}

/** How many of the ids are photos of the patient. */
export async function countPatientPhotos(db: Db, organizationId: string, patientId: string, photoIds: readonly string[]): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM treatment_session_photos WHERE organization_id = $1 AND patient_id = $2 AND id = ANY($3::uuid[])`,
    [organizationId, patientId, photoIds],
  );
  return count;
}

/** One side of a comparison: the session, and its latest photo of the angle before and after (null: none). */
export interface ComparisonSessionRow {
  id: string;
  patient_id: string;
  performed_on: string;
  before: PhotoRow | null;
  after: PhotoRow | null;
}

/** The latest photo of the session `s` at the angle $3 in one phase, as a PhotoRow in JSON. */
const latestPhoto = (phase: 'before' | 'after') => `
  (SELECT json_build_object('id', p.id, 'sessionId', p.session_id, 'phase', p.phase, 'angle', p.angle, 'contentType', p.content_type,
                            'byteSize', p.byte_size, 'sha256', p.sha256, 'uploadedAt', p.uploaded_at, 'performed_on', to_char(s.performed_on, 'YYYY-MM-DD'))
     FROM treatment_session_photos p
    WHERE p.organization_id = s.organization_id AND p.session_id = s.id AND p.angle = $3 AND p.phase = '${phase}'
    ORDER BY p.uploaded_at DESC LIMIT 1)`;

/**
 * The sessions of a comparison (those of the organization among the ids), each with its latest before and after
 * photo of the angle: one statement (issue 15).
 */
export async function comparisonSessions(db: Db, organizationId: string, sessionIds: readonly string[], angle: string): Promise<ComparisonSessionRow[]> {
  return db.query(
    `SELECT s.id, s.patient_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, ${latestPhoto('before')} AS before, ${latestPhoto('after')} AS after
       FROM treatment_sessions s
      WHERE s.organization_id = $1 AND s.id = ANY($2::uuid[])`,
    [organizationId, sessionIds, angle],
  );
}
