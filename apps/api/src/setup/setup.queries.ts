import type { EntityManager } from 'typeorm';

/** Asked before anyone is signed in, so through a SECURITY DEFINER yes/no rather than a read across organizations. */
export async function setupIsComplete(manager: EntityManager): Promise<boolean> {
  const [row]: { done: boolean }[] = await manager.query(`SELECT setup_is_complete() AS done`);
  return row.done;
}

/** Serializes concurrent first-run requests until the transaction ends, so only one organization is created this way. */
export async function lockFirstRun(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('skinledger.setup'))`);
}
