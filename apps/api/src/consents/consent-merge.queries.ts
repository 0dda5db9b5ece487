import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** The patient's signed consents (revoked ones too: the signed content stays as it was). */
export async function countSignedConsents(db: Db, organizationId: string, patientId: string): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count FROM consent_records WHERE organization_id = $1 AND patient_id = $2 AND signed_at IS NOT NULL`,
    [organizationId, patientId],
  );
  return count;
}

/**
 * Voids the patient's consents still waiting for a signature (the guard allows voiding an unsigned record; its snapshot,
 * patient included, never changes). Answers how many.
 */
export async function voidPendingConsents(db: Db, organizationId: string, patientId: string, staffMemberId: string, reason: string): Promise<number> {
  const [{ voided }]: { voided: number }[] = await db.query(
    `WITH v AS (
       UPDATE consent_records SET revoked_at = now(), revoked_by = $3, revocation_reason = $4
        WHERE organization_id = $1 AND patient_id = $2 AND signed_at IS NULL AND revoked_at IS NULL
        RETURNING 1)
     SELECT count(*)::int AS voided FROM v`,
    [organizationId, patientId, staffMemberId, reason],
  );
  return voided;
}
