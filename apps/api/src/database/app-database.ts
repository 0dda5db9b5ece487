import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { DEFAULT_APP_ROLE, type AppRoleSpec } from './ensure-app-role';
import { runMigrations } from './run-migrations';
import { readOrCreateSecret } from './secret-file';

/** The app role: the one DATABASE_APP_URL names (provisioned by the operator), else skinledger_app, created here. */
export function appRoleFor(config: AppConfig): AppRoleSpec {
  if (config.databaseAppUrl) return { name: decodeURIComponent(new URL(config.databaseAppUrl).username), create: false };
  const password = config.databaseAppPassword ?? readOrCreateSecret(path.join(config.dataDir, 'database-app-password'));
  return { name: DEFAULT_APP_ROLE, create: true, password };
}

/** The owner's URL with the app role's credentials instead (same server and database). */
export function appRoleUrl(ownerUrl: string, role: AppRoleSpec): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password ?? '');
  return url.toString();
}

/** Migrations and grants as the owner; answers the URL the running API connects with (never the owner's). */
export async function prepareDatabase(ownerUrl: string, config: AppConfig): Promise<{ applied: string[]; appUrl: string }> {
  const role = appRoleFor(config);
  const applied = await runMigrations(ownerUrl, role);
  return { applied, appUrl: config.databaseAppUrl ?? appRoleUrl(ownerUrl, role) };
}
