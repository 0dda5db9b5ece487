import { formatMrn } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

/**
 * Takes the organization's next `count` medical record numbers. The counter row stays locked until the caller's
 * transaction ends, so concurrent creates queue instead of colliding, and a rollback gives the numbers back.
 * Taking numbers also serializes patient registration per organization, which the duplicate check relies on.
 */
export async function allocateMrns(manager: EntityManager, organizationId: string, count = 1): Promise<string[]> {
  const rows: { last_number: number }[] = await manager.query(
    `INSERT INTO patient_mrn_counters (organization_id, last_number) VALUES ($1, $2)
     ON CONFLICT (organization_id) DO UPDATE SET last_number = patient_mrn_counters.last_number + EXCLUDED.last_number
     RETURNING last_number`,
    [organizationId, count],
  );
  const first = rows[0].last_number - count + 1;
  return Array.from({ length: count }, (_, i) => formatMrn(first + i));
}

/** Holds patient registration of the organization until the transaction ends, without taking a number. */
export async function lockPatientRegistration(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(
    `INSERT INTO patient_mrn_counters (organization_id, last_number) VALUES ($1, 0)
     ON CONFLICT (organization_id) DO UPDATE SET last_number = patient_mrn_counters.last_number`,
    [organizationId],
  );
}
