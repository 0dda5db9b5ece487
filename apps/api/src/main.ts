import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { resolveDatabase } from './database/resolve-database';
import { prepareDatabase } from './database/app-database';
import { createApp } from './app.factory';
import { createAppLogger } from './common/logging/app-logger';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // Start-up logs are JSON lines like the rest, before Nest's logger exists.
  const logger = createAppLogger(config).child({ context: 'Bootstrap' });
  const database = await resolveDatabase(config, (m) => logger.debug(m));
  // Migrations and grants as the owner; the API itself connects only as the restricted app role.
  const { applied, appUrl } = await prepareDatabase(database.url, config);
  if (applied.length) logger.info(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp(config, appUrl);
  const shutdown = async (signal: string) => {
    logger.info(`${signal} received, shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  logger.info(`SkinLedger is listening on http://localhost:${config.port} (${database.embedded ? 'embedded PostgreSQL in ' + config.dataDir : 'DATABASE_URL'})`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`SkinLedger failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
