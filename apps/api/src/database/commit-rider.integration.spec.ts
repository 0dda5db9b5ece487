import Fastify, { type FastifyInstance } from 'fastify';
import type { QueryRunner } from 'typeorm';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';
import { beginRequestTransaction, deferToCommit, installRequestTransactions, type CommitRider } from './request-transaction';

/**
 * A read's last statement waiting for COMMIT (deferToCommit): it goes with COMMIT in one round trip, is sent first
 * and alone when the request sends anything else after it, is dropped by a request that rolls back, and its
 * follow-up runs committed before the answer.
 */
describe('a statement riding on the request COMMIT', () => {
  let app: TestApp;
  let fastify: FastifyInstance;
  let counter: StatementCounter;
  const seen: string[] = [];

  const rider = (value: string, followUp = false): CommitRider => ({
    text: `SELECT '${value}' AS rider`,
    organizationId: '00000000-0000-4000-8000-000000000000',
    settle: (rows) => {
      seen.push(`settled ${(rows[0] as { rider: string }).rider}`);
      return followUp ? async (manager) => void seen.push(`follow-up ${JSON.stringify(await manager.query(`SELECT coalesce(current_setting('app.organization_id', true), '') AS tenant`))}`) : null;
    },
  });

  beforeAll(async () => {
    app = await createTestApp();
    fastify = Fastify();
    installRequestTransactions(fastify);
    const open = async (): Promise<QueryRunner> => (await beginRequestTransaction(app.appDataSource)).runner;
    fastify.get('/with-commit', async () => {
      const runner = await open();
      expect(deferToCommit(runner.manager, rider('a'))).toBe(true);
      // One rider at a time: the second is sent by its caller as usual.
      expect(deferToCommit(runner.manager, rider('b'))).toBe(false);
      return { ok: true };
    });
    fastify.get('/then-more', async () => {
      const runner = await open();
      deferToCommit(runner.manager, rider('c', true));
      return runner.query(`SELECT 'after' AS statement`);
    });
    fastify.get('/follow-up-after-commit', async () => {
      const runner = await open();
      deferToCommit(runner.manager, rider('d', true));
      return { ok: true };
    });
    fastify.get('/fails', async (_request, reply) => {
      const runner = await open();
      deferToCommit(runner.manager, rider('e'));
      return reply.code(409).send({ refused: true });
    });
    fastify.post('/write', async () => {
      const runner = await open();
      return { deferred: deferToCommit(runner.manager, rider('f')) };
    });
    await fastify.ready();
    counter = new StatementCounter(readRunState().appRole.name).start();
  });
  afterAll(async () => {
    counter?.stop();
    await fastify?.close();
    await app?.close();
  });

  async function roundTrips(url: string, method: 'GET' | 'POST' = 'GET') {
    seen.length = 0;
    const { result, roundTrips: sent } = await counter.during(() => fastify.inject({ method, url }));
    return { status: result.statusCode, sent, seen: [...seen] };
  }

  it('goes with COMMIT in one round trip', async () => {
    expect(await roundTrips('/with-commit')).toEqual({ status: 200, sent: ['START TRANSACTION', "SELECT 'a' AS rider; COMMIT"], seen: ['settled a'] });
  });

  it('is sent first, alone, when the request sends another statement after it; its follow-up runs in the transaction', async () => {
    const { status, sent, seen: settled } = await roundTrips('/then-more');
    expect(status).toBe(200);
    expect(sent).toEqual(['START TRANSACTION', "SELECT 'c' AS rider", "SELECT coalesce(current_setting('app.organization_id', true), '') AS tenant", "SELECT 'after' AS statement", 'COMMIT']);
    expect(settled).toEqual(['settled c', 'follow-up [{"tenant":""}]']);
  });

  it("runs a follow-up after COMMIT in a transaction of its own, scoped to the rider's organization", async () => {
    const { status, sent, seen: settled } = await roundTrips('/follow-up-after-commit');
    expect(status).toBe(200);
    expect(sent).toEqual([
      'START TRANSACTION',
      "SELECT 'd' AS rider; COMMIT",
      'BEGIN',
      "SELECT set_config('app.organization_id', $1, true)",
      "SELECT coalesce(current_setting('app.organization_id', true), '') AS tenant",
      'COMMIT',
    ]);
    expect(settled).toEqual(['settled d', 'follow-up [{"tenant":"00000000-0000-4000-8000-000000000000"}]']);
  });

  it('is dropped by a request that answers 4xx (rolled back)', async () => {
    expect(await roundTrips('/fails')).toEqual({ status: 409, sent: ['START TRANSACTION', 'ROLLBACK'], seen: [] });
  });

  it('is refused outside a read request (a write sends its statements as they come)', async () => {
    const { status, sent } = await roundTrips('/write', 'POST');
    expect(status).toBe(200);
    expect(sent).toEqual(['START TRANSACTION', 'COMMIT']);
  });
});
