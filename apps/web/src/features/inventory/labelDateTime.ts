import { isIsoDate } from '@skinledger/domain';
import { clinicFormat } from '@web/lib/time/clinicFormat';

/**
 * A label's date and time (GS1 AI 7003, `YYYY-MM-DDTHH:MM`) as printed: the label states no time zone, so it is shown
 * as written, in the clinic's format, never shifted to the location's zone.
 */
export function formatLabelDateTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) || !isIsoDate(value.slice(0, 10))) return value;
  return clinicFormat().dateTime(new Date(`${value}:00Z`), 'UTC');
}
