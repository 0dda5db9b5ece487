import type { Operation } from './openapi-model';

export type FuzzGroup = 'foundation' | 'patients' | 'inventory' | 'clinical' | 'scheduling';

/**
 * Splits the document's operations over a few spec files so Jest can run them side by side; every
 * operation lands in exactly one group (foundation takes whatever no other group claims).
 */
export function fuzzGroup(operation: Operation): FuzzGroup {
  const path = operation.path;
  if (/^\/api\/(treatment-sessions|photos|consents|consent-templates|settings\/treatment)|^\/api\/patients\/\{id\}\/(treatment-sessions|adverse-events|photos|assessments|consents|next-appointment-consents)|\/preflight$/.test(path)) {
    return 'clinical';
  }
  if (/^\/api\/patients/.test(path)) return 'patients';
  if (/^\/api\/(products|lots|recalls|devices|inventory)/.test(path)) return 'inventory';
  if (/^\/api\/(services|rooms|appointments|availability|schedule|treatment-plans|calendar-feeds|settings\/reminders|settings\/cancellations|waitlist)|^\/api\/staff\/\{id\}\/(working-hours|time-off|calendar-feed)/.test(path)) {
    return 'scheduling';
  }
  return 'foundation';
}
