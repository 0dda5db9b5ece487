import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditKeyProvider } from '../audit/audit-key.provider';
import { AuditService } from '../audit/audit.service';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { resolveDatabase } from '../database/resolve-database';
import { prepareDatabase } from '../database/app-database';
import { generateDemoPassword, loadDemoClinic } from './demo-clinic';

/** `npm run demo`: loads the demo clinic into DATABASE_URL or the embedded database (stop the server first). */
async function main(): Promise<void> {
  const config = loadConfig();
  const password = process.env.DEMO_PASSWORD || generateDemoPassword();
  if (password.length < 12) throw new Error('DEMO_PASSWORD must be at least 12 characters');
  const database = await resolveDatabase(config, () => undefined);
  try {
    await prepareDatabase(database.url, config); // the demo loads as the owner; the app role still gets its grants
    const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    try {
      const result = await loadDemoClinic(dataSource, password, new AuditService(new AuditKeyProvider(config)));
      const lines = result.created
        ? [
            'Demo clinic loaded: Harbour Skin Clinic (2 locations, staff of every role, 200 patients with medical histories, cartridge lots, pen devices, consents, a week of appointments, and a year of history: acne-scar courses in every depth band with outcome scores, cartridge use and waste, appointments with cancellations and no-shows).',
            `Password for every demo account: ${password}${process.env.DEMO_PASSWORD ? ' (from DEMO_PASSWORD)' : ' (generated)'}`,
          ]
        : ['The demo clinic is already loaded; its accounts keep the password they were given then.'];
      lines.push('Accounts:', ...result.accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email}`));
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo load failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
