import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PoolClient, QueryResult } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner, type ReplicationMode } from 'typeorm';
import { isPublicRouteConfig } from '../common/access/access-policy.decorator';
import { PROBLEM_CONTENT_TYPE, problem } from '../common/problems/problem-document';

/**
 * One database transaction per signed-in request. The access guard opens it (BEGIN, then the session check, which
 * also sets `app.organization_id` for the transaction); every TypeORM call made while handling the request runs on
 * that one connection, so row-level security sees the request's organization everywhere, and a service's own
 * `dataSource.transaction()` becomes a savepoint inside it. It commits just before the response is written when the
 * status is below 400 and rolls back otherwise, so a client never sees a 2xx for something that was not committed.
 */
interface RequestStore {
  runner?: QueryRunner;
  /** A GET or HEAD: reads (and their audit events), nothing a savepoint must be able to undo. */
  readOnly?: boolean;
  releaseConnection?: (error?: Error) => Promise<void>;
}

const storage = new AsyncLocalStorage<RequestStore>();
const originalRunners = new WeakMap<DataSource, (mode?: ReplicationMode) => QueryRunner>();
const logger = new Logger('RequestTransaction');

declare module 'fastify' {
  interface FastifyRequest {
    transactionStore?: RequestStore;
  }
}

/** Routes TypeORM's query runners to the request's runner while a request holds one; the pool otherwise. */
export function shareRequestRunner(dataSource: DataSource): void {
  if (originalRunners.has(dataSource)) return;
  const original = dataSource.createQueryRunner.bind(dataSource);
  originalRunners.set(dataSource, original);
  dataSource.createQueryRunner = (mode?: ReplicationMode) => storage.getStore()?.runner ?? original(mode);
}

/**
 * The runner a manager without one of its own (`dataSource.manager`) sends its statements through: the request's,
 * while the request holds one and the data source shares it (shareRequestRunner); else undefined (any pooled connection).
 */
export function sharedRequestRunner(dataSource: DataSource): QueryRunner | undefined {
  return originalRunners.has(dataSource) ? storage.getStore()?.runner : undefined;
}

/** A query runner on a connection of its own, outside any request transaction. */
export function independentQueryRunner(dataSource: DataSource): QueryRunner {
  return (originalRunners.get(dataSource) ?? dataSource.createQueryRunner.bind(dataSource))();
}

/**
 * Runs `work` in a transaction of its own, committed whatever the request's answer: for what must survive an error
 * response (a failed password counted by the throttle). It sets the tenant like the request does.
 */
export async function independentTransaction<T>(dataSource: DataSource, organizationId: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = independentQueryRunner(dataSource);
  try {
    await runner.startTransaction();
    if (organizationId) await setTenant(runner.manager, organizationId);
    const result = await work(runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** Scopes the rest of the caller's transaction to one organization (row-level security reads this setting). */
export async function setTenant(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
}

/** A transaction (of the request, or of its own outside one) scoped to the organization: for public entry points and workers. */
export function tenantTransaction<T>(dataSource: DataSource, organizationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await setTenant(manager, organizationId);
    return work(manager);
  });
}

/**
 * Runs `work` directly in the request's transaction when one is open (a `dataSource.transaction()` there would wrap
 * it in SAVEPOINT/RELEASE, two statements more), else in a transaction of its own. Only for work whose failure fails
 * the request, such as a read and its audit event: an error inside leaves the request's transaction unusable, so no
 * caller may catch it and go on using the connection.
 */
export function requestOrOwnTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = storage.getStore()?.runner;
  if (runner?.isTransactionActive) return work(runner.manager);
  return dataSource.transaction(work);
}

/**
 * Opens the request's transaction. With `opening` (the access guard's session check) the first statement goes in the
 * same round trip as START TRANSACTION: one simple-protocol string `START TRANSACTION; <opening>`, whose rows are
 * answered. Simple protocol takes no parameters, so `opening` may only inline values the caller produced itself and
 * rendered safely (a hex digest, an integer), never request input.
 */
export async function beginRequestTransaction<T = never>(dataSource: DataSource, opening?: string): Promise<{ runner: QueryRunner; rows: T[] }> {
  const store = storage.getStore();
  if (!store) throw new Error('beginRequestTransaction outside a request');
  if (store.runner) {
    return { runner: store.runner, rows: opening ? ((await store.runner.query(opening)) as T[]) : [] };
  }
  const runner = independentQueryRunner(dataSource);
  const releaseConnection = runner.release.bind(runner) as (error?: Error) => Promise<void>;
  // TypeORM releases a runner after each call it made one for; the request keeps its connection to the end.
  runner.release = async () => undefined;
  let rows: T[] = [];
  try {
    const client = (await runner.connect()) as PoolClient;
    if (opening) {
      // TypeORM's startTransaction (its state, its subscribers' events) with its START sent together with `opening`.
      const own = runner as unknown as { query: (text: string, parameters?: unknown[]) => Promise<unknown> };
      own.query = async (text: string, parameters?: unknown[]) => {
        if (text !== 'START TRANSACTION' || parameters?.length) throw new Error(`Unexpected statement while opening the request transaction: ${text}`);
        const results = await sendOpening(client, opening);
        rows = results.rows as T[];
      };
      try {
        await runner.startTransaction();
      } finally {
        delete (own as { query?: unknown }).query;
      }
    } else {
      await runner.startTransaction();
    }
  } catch (error) {
    await releaseConnection(error as Error).catch(() => undefined);
    throw error;
  }
  if (store.readOnly) flattenNestedTransactions(runner);
  store.runner = runner;
  store.releaseConnection = releaseConnection;
  return { runner, rows };
}

/** `START TRANSACTION; <opening>` in one round trip; the opening's result. Errors come back as TypeORM's, as from runner.query. */
async function sendOpening(client: PoolClient, opening: string): Promise<QueryResult> {
  const text = `START TRANSACTION; ${opening}`;
  try {
    // Two statements in one simple query: node-postgres answers one result per statement.
    const results = (await client.query(text)) as unknown as QueryResult[];
    return results[results.length - 1];
  } catch (error) {
    if (error instanceof Error && !(error instanceof QueryFailedError)) throw new QueryFailedError(text, [], error);
    throw error;
  }
}

/**
 * In a read request a service's own `transaction()` runs in the request's transaction as is, without a savepoint:
 * two statements fewer per read (issue 15), and a read's failure answers 4xx/5xx, which rolls the whole request back.
 */
function flattenNestedTransactions(runner: QueryRunner): void {
  let nested = 0;
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  runner.startTransaction = async (isolationLevel) => {
    if (!runner.isTransactionActive) return start(isolationLevel);
    nested += 1;
  };
  runner.commitTransaction = async () => {
    if (nested === 0) return commit();
    nested -= 1;
  };
  runner.rollbackTransaction = async () => {
    if (nested === 0) return rollback();
    nested -= 1;
  };
}

/**
 * Ends the request's transaction so far (COMMIT, or ROLLBACK) and goes on in a new one on the same connection,
 * scoped to the same organization: for what must be visible to other requests at once (an idempotency claim) or
 * kept whatever the request's answer, without taking a second connection from the pool (ten requests holding all
 * ten connections and each waiting for an eleventh would stall until the pool's timeout).
 */
export async function restartRequestTransaction(commit: boolean, organizationId: string): Promise<void> {
  const runner = storage.getStore()?.runner;
  if (!runner) throw new Error('restartRequestTransaction outside a request transaction');
  // Raw statements: TypeORM's own state stays "one transaction open", which is true again after BEGIN.
  await runner.query(commit ? 'COMMIT' : 'ROLLBACK');
  await runner.query('BEGIN');
  await setTenant(runner.manager, organizationId);
}

/** Ends the request's transaction now (e.g. a refused session, whose revocation is kept). */
export async function endRequestTransaction(commit: boolean): Promise<void> {
  const store = storage.getStore();
  if (store) await finish(store, commit);
}

async function finish(store: RequestStore, commit: boolean): Promise<void> {
  const runner = store.runner;
  const releaseConnection = store.releaseConnection;
  store.runner = undefined;
  store.releaseConnection = undefined;
  if (!runner || !releaseConnection) return;
  let failure: Error | undefined;
  try {
    // A plain COMMIT/ROLLBACK ends the whole transaction, whatever savepoints a failed handler left open.
    if (runner.isTransactionActive) await runner.query(commit ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    failure = error as Error;
  }
  // A connection whose COMMIT failed may be broken: the pool drops it instead of reusing it.
  await releaseConnection(failure).catch(() => undefined);
  if (failure) throw failure;
}

/**
 * The hooks that give each request its store, and commit or roll back before the answer is written: route hooks, on
 * every route but the public ones (Public sets PUBLIC_ROUTE_CONFIG). A public route never resolves a session, the one
 * thing that opens a request transaction, so its requests (health, the booking pages, sign-in) skip the store, the
 * AsyncLocalStorage context and these hooks entirely; were one to call beginRequestTransaction anyway, it would fail
 * loudly ("outside a request"), never run outside a transaction unnoticed. Call before the routes are added and before
 * @fastify/compress registers (its onSend must come after this one's, which may still swap the answer).
 */
export function installRequestTransactions(fastify: FastifyInstance): void {
  const openStore = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const store: RequestStore = { readOnly: request.method === 'GET' || request.method === 'HEAD' };
    request.transactionStore = store;
    storage.run(store, done);
  };
  // Callback hooks, not async ones: a request that opened no transaction passes straight through without a promise.
  const settle = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => {
    const store = request.transactionStore;
    if (!store?.runner) return done(null, payload);
    settleBeforeAnswer(store, request, reply, payload).then((answer) => done(null, answer), done);
  };
  const safetyNet = (request: FastifyRequest, done: () => void) => {
    const store = request.transactionStore;
    if (!store?.runner) return done();
    finish(store, false).then(done, () => done());
  };
  const afterResponse = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => safetyNet(request, done);
  fastify.addHook('onRoute', (route) => {
    if (isPublicRouteConfig(route.config)) return;
    route.preHandler = [openStore, ...asArray(route.preHandler)] as typeof route.preHandler;
    route.onSend = [...asArray(route.onSend), settle] as typeof route.onSend;
    route.onResponse = [...asArray(route.onResponse), afterResponse] as typeof route.onResponse;
    route.onRequestAbort = [...asArray(route.onRequestAbort), safetyNet] as typeof route.onRequestAbort;
  });
}

function asArray<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

/** Commits (below 400) or rolls back; an answer whose COMMIT failed becomes a 500 naming the request id. */
async function settleBeforeAnswer(store: RequestStore, request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const commit = reply.statusCode < 400;
  try {
    await finish(store, commit);
    return payload;
  } catch (error) {
    if (!commit) return payload; // rolled back anyway: the connection is dropped, the answer stands
    logger.error({ err: error, requestId: request.id }, 'The request transaction did not commit');
    void reply.code(500).header('Content-Type', PROBLEM_CONTENT_TYPE).removeHeader('content-length');
    return JSON.stringify({
      ...problem(500, 'not-committed', `The change was not saved. Quote request id ${String(request.id)} to support.`),
      instance: request.url,
      requestId: String(request.id),
    });
  }
}
