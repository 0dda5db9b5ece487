import { phoneMatchKey } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { DuplicateCandidateDto } from './patient.dto';

/** What identifies a person for the duplicate rule. */
export interface PatientIdentity {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email?: string | null;
  phone?: string | null;
}

interface CandidateRow {
  id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  archived: boolean;
  same_name: boolean;
  same_email: boolean;
  same_phone: boolean;
}

/**
 * Likely duplicates in the organization, archived ones included (a returning patient should be restored, not
 * registered twice) but not records merged into another (issue 16): the same first and last name (case and accents aside) and date of birth, or the same email,
 * or the same phone line (the same last 10 digits, see phoneMatchKey).
 */
export async function findDuplicateCandidates(
  manager: EntityManager,
  organizationId: string,
  identity: PatientIdentity,
  excludePatientId: string | null = null,
): Promise<DuplicateCandidateDto[]> {
  const phonePattern = identity.phone ? phoneMatchPattern(phoneMatchKey(identity.phone)) : null;
  const rows: CandidateRow[] = await manager.query(
    `SELECT id, mrn, first_name, last_name, date_of_birth::text AS date_of_birth, archived_at IS NOT NULL AS archived,
            coalesce(same_name, false) AS same_name, coalesce(same_email, false) AS same_email, coalesce(same_phone, false) AS same_phone
     FROM (
       SELECT p.*,
              date_of_birth = $2::date AND patient_search_text(first_name) = patient_search_text($3)
                AND patient_search_text(last_name) = patient_search_text($4) AS same_name,
              email = $5 AS same_email,
              reverse(phone_digits) LIKE $6 AS same_phone
       FROM patients p
       WHERE organization_id = $1
         AND ($7::uuid IS NULL OR id <> $7::uuid)
         AND merged_into_patient_id IS NULL
         AND ((date_of_birth = $2::date AND patient_search_text(first_name) = patient_search_text($3)
                AND patient_search_text(last_name) = patient_search_text($4))
              OR email = $5
              OR reverse(phone_digits) LIKE $6)
     ) matches
     ORDER BY created_at, mrn
     LIMIT 10`,
    [organizationId, identity.dateOfBirth, identity.firstName, identity.lastName, identity.email ?? null, phonePattern, excludePatientId],
  );
  return rows.map((r) => ({
    id: r.id,
    mrn: r.mrn,
    name: `${r.first_name} ${r.last_name}`,
    dateOfBirth: r.date_of_birth,
    archived: r.archived,
    matchedOn: [
      ...(r.same_name ? (['name_and_date_of_birth'] as const) : []),
      ...(r.same_email ? (['email'] as const) : []),
      ...(r.same_phone ? (['phone'] as const) : []),
    ],
  }));
}

/**
 * A LIKE pattern on reverse(phone_digits) (the indexed expression) for numbers whose phoneMatchKey is `key`:
 * numbers ending in a 10-digit key, or exactly a shorter one.
 */
function phoneMatchPattern(key: string): string {
  return `${[...key].reverse().join('')}${key.length >= 10 ? '%' : ''}`;
}
