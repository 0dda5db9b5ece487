import type { EligibilityCode } from '@skinledger/domain';
import { formatIsoDatesIn } from '@web/lib/time/formatIsoDatesIn';

/** The API ends a time-window blocker's message with "; eligible from Dec 4, 2026"; the checklist shows that date itself. */
const ELIGIBLE_FROM_SUFFIX = /;\s*eligible from [^;]+$/i;

/** A finding's message for reading: without the eligible-from suffix, with readable dates. */
export function findingMessage(message: string): string {
  return formatIsoDatesIn(message.replace(ELIGIBLE_FROM_SUFFIX, ''));
}

/** The first clause of a finding, for the compact banner: "History of keloid or hypertrophic scarring". */
export function findingHeadline(message: string): string {
  const clause = message.replace(ELIGIBLE_FROM_SUFFIX, '').split(/[:;(]/)[0] ?? message;
  return formatIsoDatesIn(clause.trim());
}

/** Codes the dashboard treats specially (screening findings keep their contraindication ids; see the code catalog). */
export const FINDING_CODES = {
  historyMissing: 'history_missing',
  historyStale: 'history_stale',
  patientArchived: 'patient-archived',
} as const satisfies Record<string, EligibilityCode>;
