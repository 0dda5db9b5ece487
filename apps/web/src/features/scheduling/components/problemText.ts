import { ApiError } from '@web/lib/api/ApiError';

/** A booking refusal in plain words: the conflict (409) or every broken rule (422). */
export function problemText(error: unknown): string[] {
  if (error instanceof ApiError) {
    const violations = (error.problem?.violations ?? []) as { message: string }[];
    if (violations.length > 0) return violations.map((v) => v.message);
    return [error.problem?.detail ?? error.message];
  }
  return [error instanceof Error ? error.message : 'Something went wrong'];
}
