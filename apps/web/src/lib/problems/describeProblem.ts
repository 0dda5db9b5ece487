import { ApiError, NetworkError } from '@web/lib/api/ApiError';
import { humanizeFieldMessage } from './humanizeFieldMessage';

export type FieldErrors = Record<string, string>;

/** What a form shows for a failed request: messages on its fields, and a summary for the rest. */
export interface ProblemFeedback {
  fieldErrors: FieldErrors;
  summary: { title: string; messages: string[] } | null;
}

/** Maps an API field path (e.g. "adminEmail", "credentials[0].expiresOn") to a form field, or undefined. */
export type FieldMapper = (apiField: string) => string | undefined;

const UNREACHABLE = {
  title: 'SkinLedger could not be reached',
  messages: ['Check the network connection and try again. Nothing was saved.'],
};

export function describeProblem(error: unknown, mapField: FieldMapper = () => undefined): ProblemFeedback {
  if (error instanceof NetworkError) return { fieldErrors: {}, summary: UNREACHABLE };
  if (!(error instanceof ApiError)) {
    return { fieldErrors: {}, summary: { title: 'Something went wrong', messages: [String(error)] } };
  }
  const fieldErrors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.fieldProblems) {
    const target = mapField(field);
    if (target && !fieldErrors[target]) fieldErrors[target] = humanizeFieldMessage(field, message);
    else if (!target) unplaced.push(message);
  }
  const violations = error.violations.map((v) => v.message);
  const messages = [...unplaced, ...violations];
  const placedAll = error.fieldProblems.length > 0 && messages.length === 0;
  if (placedAll) return { fieldErrors, summary: null };
  const title = error.problem?.detail ?? `The request failed (HTTP ${error.status})`;
  return { fieldErrors, summary: { title, messages } };
}
