import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/**
 * Open waitlist entries of the online record that overlap an open entry of the kept record for the same service and
 * place: moving them would break waitlist_entries_one_open.
 */
export async function countClashingWaitlistEntries(db: Db, organizationId: string, fromPatientId: string, toPatientId: string): Promise<number> {
  const [{ count }]: { count: number }[] = await db.query(
    `SELECT count(*)::int AS count
       FROM waitlist_entries f
       JOIN waitlist_entries t ON t.organization_id = f.organization_id AND t.patient_id = $3 AND t.service_id = f.service_id
        AND t.location_id = f.location_id AND t.status IN ('waiting', 'offered')
        AND daterange(t.earliest_on, t.latest_on, '[]') && daterange(f.earliest_on, f.latest_on, '[]')
      WHERE f.organization_id = $1 AND f.patient_id = $2 AND f.status IN ('waiting', 'offered')`,
    [organizationId, fromPatientId, toPatientId],
  );
  return count;
}

/** Moves the patient's appointments, treatment courses and waitlist entries; answers how many of each. */
export async function reassignSchedulingRows(db: Db, organizationId: string, fromPatientId: string, toPatientId: string): Promise<Record<string, number>> {
  const [counts]: { appointments: number; courses: number; waitlist: number }[] = await db.query(
    `WITH a AS (UPDATE appointments SET patient_id = $3 WHERE organization_id = $1 AND patient_id = $2 RETURNING 1),
          p AS (UPDATE treatment_plans SET patient_id = $3 WHERE organization_id = $1 AND patient_id = $2 RETURNING 1),
          w AS (UPDATE waitlist_entries SET patient_id = $3 WHERE organization_id = $1 AND patient_id = $2 RETURNING 1)
     SELECT (SELECT count(*)::int FROM a) AS appointments, (SELECT count(*)::int FROM p) AS courses, (SELECT count(*)::int FROM w) AS waitlist`,
    [organizationId, fromPatientId, toPatientId],
  );
  return { appointments: counts.appointments, 'treatment courses': counts.courses, 'waitlist entries': counts.waitlist };
}
