import { isIsoDate } from '@skinledger/domain';
import { formatCalendarDate } from './formatCalendarDate';

const ISO_DATE_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/g;

/** Rewrites the YYYY-MM-DD dates inside an API message for reading: "... (2026-08-25)" -> "... (Aug 25, 2026)". */
export function formatIsoDatesIn(text: string): string {
  return text.replace(ISO_DATE_IN_TEXT, (match) => (isIsoDate(match) ? formatCalendarDate(match) : match));
}
