import { stopServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(process.env.SKINLEDGER_E2E ?? '{}');
  if (state.dataDir) await stopServer(state);
}
