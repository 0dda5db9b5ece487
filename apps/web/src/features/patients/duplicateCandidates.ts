import { isApiError } from '@web/lib/api/ApiError';
import type { DuplicateCandidate } from './patientTypes';

function isCandidate(value: unknown): value is DuplicateCandidate {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.mrn === 'string' && Array.isArray(v.matchedOn);
}

/** The likely duplicates of a 409 answer to a create or update, or null when the error is something else. */
export function duplicateCandidatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 409) || !error.problem) return null;
  const raw: unknown = (error.problem as Record<string, unknown>).candidates;
  return Array.isArray(raw) ? raw.filter(isCandidate) : null;
}

const MATCH_LABELS: Record<string, string> = {
  name_and_date_of_birth: 'same name and date of birth',
  email: 'same email',
  phone: 'same phone number',
  externalId: 'same previous system ID',
};

/** "same name and date of birth, same email". */
export function describeMatch(matchedOn: readonly string[]): string {
  return matchedOn.map((rule) => MATCH_LABELS[rule] ?? rule.replaceAll('_', ' ')).join(', ');
}
