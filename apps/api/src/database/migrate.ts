import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from './resolve-database';
import { prepareDatabase } from './app-database';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database, and the app role's grants. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, () => undefined);
  try {
    const { applied } = await prepareDatabase(database.url, config);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
