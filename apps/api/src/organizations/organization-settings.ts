import type { EntityManager } from 'typeorm';

/**
 * One key of `organizations.settings` (screening, treatment, reminders ...): read (optionally locked for a
 * read-modify-write) and replaced in the caller's transaction. Callers validate and audit what they store.
 */
export async function readOrganizationSetting<T>(manager: EntityManager, organizationId: string, key: string, lock = false): Promise<T | null> {
  const rows: { value: T | null }[] = await manager.query(`SELECT settings->($2::text) AS value FROM organizations WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
    organizationId,
    key,
  ]);
  return rows[0]?.value ?? null;
}

export async function writeOrganizationSetting(manager: EntityManager, organizationId: string, key: string, value: unknown): Promise<void> {
  await manager.query(`UPDATE organizations SET settings = jsonb_set(settings, ARRAY[$2::text], $3::jsonb, true), updated_at = now() WHERE id = $1`, [
    organizationId,
    key,
    JSON.stringify(value),
  ]);
}
