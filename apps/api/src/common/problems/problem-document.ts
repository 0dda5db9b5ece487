import { STATUS_CODES } from 'node:http';
import { problemTypeOf, type ProblemCode, type ProblemType } from '@skinledger/domain';

/** RFC 9457 problem details, as every error of this API is answered. */
export interface ProblemDocument {
  type: ProblemType;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_CONTENT_TYPE = `${PROBLEM_MEDIA_TYPE}; charset=utf-8`;

export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  title = STATUS_CODES[status] ?? 'Error',
): ProblemDocument {
  return { type: problemTypeOf(code), title, status, detail, ...extensions };
}
