import { startServer } from './server';

/** One running SkinLedger for the whole e2e run; its address reaches the tests through the environment. */
export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  process.env.SKINLEDGER_E2E = JSON.stringify({
    baseUrl: server.baseUrl,
    pid: server.process.pid,
    database: server.database,
    dataDir: server.dataDir,
    log: server.log,
  });
  server.process.unref();
}
