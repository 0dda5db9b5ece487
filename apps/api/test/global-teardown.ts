import { adminQuery, readRunState, removeDir } from './test-database';

/** Drops every database this run created (template and per-file copies) and stops the embedded server. */
export default async function globalTeardown(): Promise<void> {
  const state = readRunState();
  const { rows } = await adminQuery(state.serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`%${state.runId}%`]);
  for (const row of rows) {
    await adminQuery(state.serverUrl, `DROP DATABASE IF EXISTS "${String(row.datname)}" WITH (FORCE)`);
  }
  if (globalThis.__skinledgerEmbeddedPg) {
    await globalThis.__skinledgerEmbeddedPg.stop();
    if (state.embeddedDir) removeDir(state.embeddedDir);
  }
}
