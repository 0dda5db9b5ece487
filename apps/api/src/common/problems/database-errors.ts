import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, DomainError } from './domain-error';
import { isDatabaseUnavailable } from './database-unavailable';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
}

/** snake_case column to the API's camelCase field name. */
function fieldOf(column: string | undefined): string {
  return (column ?? 'unknown').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Translates a constraint the database enforced into a clear 4xx. Services catch the cases they can name
 * better (e.g. a double booking naming the other appointment); this is the safety net. An unreachable database
 * (refused, lost mid-request, restarting) becomes 503 with Retry-After, never 500.
 */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  // A lost or refused connection is the server's absence, not the request's fault: 503 with Retry-After.
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError();
  if (!(error instanceof QueryFailedError)) return undefined;
  const pg = error.driverError as PgError;
  switch (pg.code) {
    case '23505':
      return new DomainError(409, 'duplicate', 'Conflict', `A record with the same value already exists (${pg.constraint})`, {
        constraint: pg.constraint,
      });
    case '23P01':
      return new DomainError(409, 'overlap', 'Conflict', `The record overlaps an existing one (${pg.constraint})`, {
        constraint: pg.constraint,
      });
    case '23503':
      return new DomainError(422, 'reference', 'Unprocessable', `A referenced record does not exist (${pg.constraint})`, {
        constraint: pg.constraint,
      });
    case '23514':
      return new DomainError(422, 'check', 'Unprocessable', `A value breaks the rule ${pg.constraint}`, {
        constraint: pg.constraint,
      });
    case '23502': {
      const field = fieldOf(pg.column);
      return new DomainError(400, 'validation', 'Invalid request', `${field}: must not be empty`, {
        errors: [{ field, message: `${field} must not be null` }],
      });
    }
    case '23000':
      // Raised by the triggers that guard append-only and signed records.
      return new DomainError(409, 'immutable', 'Conflict', 'The record cannot be changed once written');
    case '22P02':
    case '22007':
    case '22008':
      return new DomainError(400, 'malformed-value', 'Bad Request', 'A value has the wrong format');
    case '22021':
    case '22P05':
      return new DomainError(400, 'malformed-value', 'Bad Request', 'A text value contains a character that cannot be stored (such as NUL)');
    case '22003':
      return new DomainError(400, 'out-of-range', 'Bad Request', 'A number is out of range');
    case '40P01':
    case '40001':
      return new DomainError(409, 'concurrent-change', 'Conflict', 'Another change to the same records happened at the same moment; try again');
    default:
      return undefined;
  }
}
