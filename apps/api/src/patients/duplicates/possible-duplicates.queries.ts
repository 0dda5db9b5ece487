import type { EntityManager } from 'typeorm';
import type { DuplicateCandidateDto } from '../patient.dto';

type Db = Pick<EntityManager, 'query'>;

/** Records the possible duplicates found for a record the patient created online (issue 16); a pair is kept once. */
export async function recordPossibleDuplicates(db: Db, organizationId: string, patientId: string, candidates: DuplicateCandidateDto[]): Promise<void> {
  if (candidates.length === 0) return;
  await db.query(
    `INSERT INTO patient_possible_duplicates (organization_id, patient_id, existing_patient_id, matched_on)
     SELECT $1, $2, c.id, ARRAY(SELECT jsonb_array_elements_text(c.matched_on))
       FROM jsonb_to_recordset($3::jsonb) AS c(id uuid, matched_on jsonb)
     ON CONFLICT (organization_id, patient_id, existing_patient_id) DO NOTHING`,
    [organizationId, patientId, JSON.stringify(candidates.map((c) => ({ id: c.id, matched_on: c.matchedOn })))],
  );
}

interface PairSideRow {
  id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  email: string | null;
  phone: string | null;
  archived: boolean;
  self_registered: boolean;
  identity_verified: boolean;
  created_at: Date;
}

export interface PossibleDuplicateRow {
  id: string;
  matched_on: string[];
  found_at: Date;
  patient: PairSideRow;
  existing: PairSideRow;
}

const SIDE = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'mrn', ${alias}.mrn, 'first_name', ${alias}.first_name, 'last_name', ${alias}.last_name,
     'date_of_birth', ${alias}.date_of_birth, 'email', ${alias}.email, 'phone', ${alias}.phone, 'archived', ${alias}.archived_at IS NOT NULL,
     'self_registered', ${alias}.self_registered, 'identity_verified', ${alias}.identity_verified_at IS NOT NULL, 'created_at', ${alias}.created_at)`;

/**
 * The open pairs, oldest first (at most 200: a queue staff work through, not an archive). One statement. A pair one of
 * whose records was merged meanwhile is left out (the merge resolves those too; this also covers a merge in flight).
 */
export async function openPossibleDuplicates(db: Db, organizationId: string): Promise<PossibleDuplicateRow[]> {
  const rows: (Omit<PossibleDuplicateRow, 'patient' | 'existing'> & { patient: PairSideRow & { created_at: string }; existing: PairSideRow & { created_at: string } })[] =
    await db.query(
      `SELECT d.id, d.matched_on, d.found_at, ${SIDE('p')} AS patient, ${SIDE('e')} AS existing
         FROM patient_possible_duplicates d
         JOIN patients p ON p.organization_id = d.organization_id AND p.id = d.patient_id
         JOIN patients e ON e.organization_id = d.organization_id AND e.id = d.existing_patient_id
        WHERE d.organization_id = $1 AND d.resolution IS NULL
          AND p.merged_into_patient_id IS NULL AND e.merged_into_patient_id IS NULL
        ORDER BY d.found_at, d.id
        LIMIT 200`,
      [organizationId],
    );
  return rows.map((r) => ({
    ...r,
    patient: { ...r.patient, created_at: new Date(r.patient.created_at) },
    existing: { ...r.existing, created_at: new Date(r.existing.created_at) },
  }));
}

export interface PairRow {
  id: string;
  patient_id: string;
  existing_patient_id: string;
  resolution: 'dismissed' | 'merged' | null;
}

/** The pair, locked for the rest of the caller's transaction (two staff members resolving it at once take turns). */
export async function lockPossibleDuplicate(db: Db, organizationId: string, id: string): Promise<PairRow | undefined> {
  const [row]: PairRow[] = await db.query(
    `SELECT id, patient_id, existing_patient_id, resolution FROM patient_possible_duplicates WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
    [organizationId, id],
  );
  return row;
}

export async function resolvePossibleDuplicate(db: Db, organizationId: string, id: string, resolution: 'dismissed' | 'merged', staffMemberId: string): Promise<void> {
  await db.query(
    `UPDATE patient_possible_duplicates SET resolution = $3, resolved_at = now(), resolved_by = $4 WHERE organization_id = $1 AND id = $2`,
    [organizationId, id, resolution, staffMemberId],
  );
}

/** Every other open pair naming the merged record is settled by the merge too. */
export async function resolvePairsOfMergedRecord(db: Db, organizationId: string, patientId: string, staffMemberId: string): Promise<void> {
  await db.query(
    `UPDATE patient_possible_duplicates SET resolution = 'merged', resolved_at = now(), resolved_by = $3
      WHERE organization_id = $1 AND resolution IS NULL AND (patient_id = $2 OR existing_patient_id = $2)`,
    [organizationId, patientId, staffMemberId],
  );
}

/** Both records of a merge, locked in id order (two merges touching the same records cannot deadlock). */
export async function lockPatientsInOrder(db: Db, organizationId: string, ids: string[]): Promise<void> {
  await db.query(`SELECT id FROM patients WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [organizationId, ids]);
}

/** The merged record: archived (out of lists, search and booking), pointing at the record it went into. */
export async function markMerged(db: Db, organizationId: string, patientId: string, intoPatientId: string, intoMrn: string, staffMemberId: string): Promise<void> {
  await db.query(
    `UPDATE patients
        SET merged_into_patient_id = $3, merged_at = now(), merged_by = $4,
            archived_at = coalesce(archived_at, now()), archived_by = coalesce(archived_by, $4), archive_reason = $5
      WHERE organization_id = $1 AND id = $2`,
    [organizationId, patientId, intoPatientId, staffMemberId, `Merged into ${intoMrn}`],
  );
}

/** Medical-history versions are append-only (never moved): the count that blocks a merge. */
export async function countHistoryVersions(db: Db, organizationId: string, patientId: string): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM patient_medical_histories WHERE organization_id = $1 AND patient_id = $2`,
    [organizationId, patientId],
  );
  return count;
}
