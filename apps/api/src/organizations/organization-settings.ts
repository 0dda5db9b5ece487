import type { EntityManager } from 'typeorm';
import { OrganizationSettingsStore } from './organization-settings.repository';

// Transitional (issue 12): treatments' and messaging's settings services still call these two untyped functions.
// They move to settings' OrganizationSettingsService (keys 'treatment' and 'reminderHoursBefore'); then this file goes.
const store = new OrganizationSettingsStore();

/** @deprecated Inject OrganizationSettingsService (settings module) and read the typed key instead. */
export async function readOrganizationSetting<T>(manager: EntityManager, organizationId: string, key: string, lock = false): Promise<T | null> {
  return (await store.read(manager, organizationId, key, lock)) as T | null;
}

/** @deprecated Inject OrganizationSettingsService (settings module) and replace the typed key instead. */
export async function writeOrganizationSetting(manager: EntityManager, organizationId: string, key: string, value: unknown): Promise<void> {
  await store.write(manager, organizationId, key, value);
}
