/**
 * Errors a service raises when a rule is broken. Each carries a stable code; the one global filter maps
 * it to an RFC 9457 problem document, so controllers never build HTTP errors by hand. Codes come from the domain's
 * catalog, so a misspelt one does not compile.
 */
import type { ConflictCode, ForbiddenCode, GoneCode, PasswordProblemCode, ProblemCode, RuleCode, UnauthenticatedCode } from '@skinledger/domain';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface RuleViolation {
  code: RuleCode;
  message: string;
  [extra: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/**
 * 404 in words ("The appointment was not found"); the id asked for stays in the `id` member, never in the detail
 * (issue 13: no UUID in a message). Entity names are written capitalized at the call sites ("Appointment").
 */
export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(404, 'not-found', 'Not found', `The ${lowerFirst(entity)} was not found`, {
      entity,
      ...(id ? { id } : {}),
    });
  }
}

/** "Treatment plan" → "treatment plan"; acronyms such as "GTIN" stay as written. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export class ConflictError extends DomainError {
  constructor(code: ConflictCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extensions);
  }
}

/** 410: the thing named existed and is over (an online hold that expired or was ended). */
export class GoneError extends DomainError {
  constructor(code: GoneCode, detail: string) {
    super(410, code, 'Gone', detail);
  }
}

/** A request that is well-formed but breaks one or more rules (booking rules, clinical rules). */
export class RuleViolationError extends DomainError {
  constructor(detail: string, violations: RuleViolation[]) {
    super(422, 'rule-violation', 'Rule violated', detail, { violations });
  }
}

/** Input refused for a named field, outside class-validator (e.g. a value that must exist in the org). */
export class InvalidFieldError extends DomainError {
  constructor(field: string, message: string) {
    super(400, 'validation', 'Invalid request', `${field}: ${message}`, { errors: [{ field, message }] });
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string, code: ForbiddenCode = 'forbidden', extensions: Record<string, unknown> = {}) {
    super(403, code, 'Forbidden', detail, extensions);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail = 'Sign in to continue', code: UnauthenticatedCode = 'unauthenticated') {
    super(401, code, 'Unauthorized', detail);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'too-many-requests', 'Too many requests', detail, { retryAfterSeconds });
  }
}

/** The database cannot be reached right now (outage, restart, exhausted pool): retry later, nothing was written. */
export class DatabaseUnavailableError extends DomainError {
  static readonly retryAfterSeconds = 5;
  constructor(detail = 'The database is unreachable right now; nothing was changed. Try again in a few seconds') {
    super(503, 'database-unavailable', 'Service Unavailable', detail, { retryAfterSeconds: DatabaseUnavailableError.retryAfterSeconds });
  }
}

/** A body in a media type the route does not take (e.g. JSON where a CSV file is expected). */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(expected: string) {
    super(415, 'unsupported-media-type', 'Unsupported media type', `This route takes ${expected}`);
  }
}

/**
 * A password the policy refuses (breached, repetitive, built from the person's e-mail or name): 422 with the first
 * rule as the problem's code and every broken rule, each naming the field.
 */
export class WeakPasswordError extends DomainError {
  constructor(field: string, problems: { code: PasswordProblemCode; message: string }[]) {
    super(422, problems[0].code, 'Password not accepted', `${field} ${problems.map((p) => p.message).join('; ')}`, {
      errors: problems.map((p) => ({ field, code: p.code, message: p.message })),
      violations: problems.map((p) => ({ field, code: p.code, message: p.message })),
    });
  }
}
