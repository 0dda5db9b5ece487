import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, as every error of this API is answered. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(code: string): string {
  return `urn:skinledger:problem:${code}`;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  title = STATUS_CODES[status] ?? 'Error',
): ProblemDocument {
  return { type: problemType(code), title, status, detail, ...extensions };
}
