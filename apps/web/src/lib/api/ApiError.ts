import type { ProblemDocument, Schemas } from '@skinledger/api-client';

export type FieldProblem = Schemas['FieldProblemDto'];

/** A rule broken (422), its code from the API's published catalog. */
export type RuleViolation = Pick<Schemas['RuleViolationDto'], 'code' | 'message'>;

function isRuleViolation(value: unknown): value is RuleViolation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** An answer of the API that is not a success, with its RFC 9457 problem document when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDocument | undefined,
  ) {
    super(problem?.detail ?? `The request failed (HTTP ${status})`);
    this.name = 'ApiError';
  }

  get fieldProblems(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }

  /** 422 rule violations (`violations` is a problem extension the OpenAPI document does not declare). */
  get violations(): RuleViolation[] {
    const raw: unknown = this.problem ? (this.problem as Record<string, unknown>).violations : undefined;
    return Array.isArray(raw) ? raw.filter(isRuleViolation) : [];
  }
}

/** The API could not be reached at all (offline, server down, proxy error page). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('SkinLedger could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
