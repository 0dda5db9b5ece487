import type { EntityManager } from 'typeorm';

/** A registered patient as the import's matching sees it: names folded, phone by its last 10 digits. */
export interface ExistingRow {
  id: string;
  mrn: string;
  external_id: string | null;
  first: string;
  last: string;
  dob: string;
  email: string | null;
  phone_key: string | null;
}

/** Each text folded by the database's own patient_search_text, in order, so matching agrees with search and duplicates. */
export async function foldNames(manager: EntityManager, names: readonly string[]): Promise<string[]> {
  const [{ folded }]: { folded: string[] }[] = await manager.query(
    `SELECT array_agg(patient_search_text(name) ORDER BY position) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS t(name, position)`,
    [names],
  );
  return folded;
}

/** Registered patients (archived included) with any of these external ids, emails, dates of birth or phone keys. */
export async function patientsMatchingAny(
  manager: EntityManager,
  organizationId: string,
  keys: { externalIds: string[]; emails: string[]; datesOfBirth: string[]; phoneKeys: string[] },
): Promise<ExistingRow[]> {
  return manager.query(
    `SELECT id, mrn, external_id, patient_search_text(first_name) AS first, patient_search_text(last_name) AS last,
            date_of_birth::text AS dob, email, right(phone_digits, 10) AS phone_key
     FROM patients
     WHERE organization_id = $1
       AND (external_id = ANY($2::text[]) OR email = ANY($3::text[]) OR date_of_birth = ANY($4::date[])
            OR right(phone_digits, 10) = ANY($5::text[]))`,
    [organizationId, keys.externalIds, keys.emails, keys.datesOfBirth, keys.phoneKeys],
  );
}
