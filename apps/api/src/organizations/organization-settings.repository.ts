import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The raw `organizations.settings` column: one top-level JSON key read (optionally locked for a read-modify-write)
 * or replaced in the caller's transaction. Exported to the settings module only, whose OrganizationSettingsService
 * gives every key its type; nothing else reads or writes the column (organization-settings.access.spec.ts).
 */
@Injectable()
export class OrganizationSettingsStore {
  async read(manager: EntityManager, organizationId: string, key: string, lock = false): Promise<unknown> {
    const rows: { value: unknown }[] = await manager.query(
      `SELECT settings->($2::text) AS value FROM organizations WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [organizationId, key],
    );
    return rows[0]?.value ?? null;
  }

  async write(manager: EntityManager, organizationId: string, key: string, value: unknown): Promise<void> {
    await manager.query(`UPDATE organizations SET settings = jsonb_set(settings, ARRAY[$2::text], $3::jsonb, true), updated_at = now() WHERE id = $1`, [
      organizationId,
      key,
      JSON.stringify(value),
    ]);
  }
}
