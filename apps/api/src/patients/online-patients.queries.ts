import type { EntityManager } from 'typeorm';

/**
 * The patient an online booking names (issue 16): same last name (any case) and date of birth, and the same e-mail
 * (any case) or phone (E.164). A record still in use is preferred over an archived one, then the oldest.
 */
export async function matchOnlinePatient(
  manager: EntityManager,
  organizationId: string,
  p: { lastName: string; dateOfBirth: string; email: string; phone: string },
): Promise<string | undefined> {
  const [row]: { id: string }[] = await manager.query(
    `SELECT id FROM patients
      WHERE organization_id = $1 AND lower(last_name) = lower($2) AND date_of_birth = $3::date
        AND (lower(email) = lower($4) OR phone = $5)
      ORDER BY archived_at IS NOT NULL, created_at, id LIMIT 1`,
    [organizationId, p.lastName.trim(), p.dateOfBirth, p.email.trim(), p.phone],
  );
  return row?.id;
}

/**
 * Whether the patient's recorded date of birth is this one (issue 16: re-checked before a consent is signed through
 * the manage link). Answers false for an unknown or archived patient too.
 */
export async function dateOfBirthMatches(manager: EntityManager, organizationId: string, patientId: string, dateOfBirth: string): Promise<boolean> {
  const [row]: { matches: boolean }[] = await manager.query(
    `SELECT date_of_birth = $3::date AS matches FROM patients WHERE organization_id = $1 AND id = $2 AND archived_at IS NULL`,
    [organizationId, patientId, dateOfBirth],
  );
  return row?.matches === true;
}
