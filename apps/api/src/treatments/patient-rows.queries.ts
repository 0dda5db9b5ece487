import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * A patient's rows together with the check that the patient is the organization's, in one statement (issue 15: a
 * read route's statement budget): `sql` is the list query, whose rows carry a non-null `id`; `$organization` and
 * `$patient` name its parameters holding the organization and the patient. Null when there is no such patient, so
 * the caller answers 404 as before. The list keeps its own order (one outer row, joined laterally).
 */
export async function rowsOfKnownPatient<T extends { id: string }>(db: Db, sql: string, params: unknown[], organizationParam: number, patientParam: number): Promise<T[] | null> {
  const rows: (T & { patient_found: boolean })[] = await db.query(
    `SELECT k.patient_found, x.*
     FROM (SELECT EXISTS (SELECT 1 FROM patient_directory WHERE organization_id = $${organizationParam} AND id = $${patientParam}) AS patient_found) k
     LEFT JOIN LATERAL (${sql}) x ON k.patient_found`,
    params,
  );
  if (!rows[0]?.patient_found) return null;
  return rows.filter((r) => r.id !== null).map(({ patient_found: _found, ...row }) => row as unknown as T);
}
