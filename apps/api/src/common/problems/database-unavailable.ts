import { QueryFailedError } from 'typeorm';

/** Socket-level failures of node-postgres talking to the server (refused, reset, unreachable, timed out). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs meaning "the server is going away or not there yet": 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections, and class 08
 * (connection exceptions).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres, pg-pool and TypeORM say, without a code, when the connection is lost or never made. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /cannot use a pool after calling end/i,
  /driver not connected/i,
  /the server closed the connection/i,
];

const UNAVAILABLE_NAMES = new Set(['ConnectionIsNotSetError', 'CannotExecuteNotConnectedError']);

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function ownSignal(error: ErrorLike): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof error.name === 'string' && UNAVAILABLE_NAMES.has(error.name)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when an error means the database cannot be reached right now (refused, lost, restarting, pool timed out),
 * as opposed to a query the database refused. Looks through TypeORM's QueryFailedError, `cause` chains and
 * AggregateErrors (Node's happy-eyeballs connect tries ::1 and 127.0.0.1 and reports both), however the
 * connection was made.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const candidate = error as ErrorLike;
  if (ownSignal(candidate)) return true;
  if (error instanceof QueryFailedError && isDatabaseUnavailable(error.driverError, depth + 1)) return true;
  if (candidate.cause !== undefined && isDatabaseUnavailable(candidate.cause, depth + 1)) return true;
  return Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
