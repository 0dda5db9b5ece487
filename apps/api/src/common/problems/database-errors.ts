import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

/**
 * Translates a constraint the database enforced into a clear 4xx. Services catch the cases they can name
 * better (e.g. a double booking naming the other appointment); this is the safety net.
 */
export function fromDatabaseError(error: unknown): DomainError | undefined {
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
    case '22P02':
    case '22007':
    case '22008':
      return new DomainError(400, 'malformed-value', 'Bad Request', 'A value has the wrong format');
    default:
      return undefined;
  }
}
