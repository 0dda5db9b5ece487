import type { IsoDate } from '@skinledger/domain';
import { clinicFormat } from './clinicFormat';

/** A calendar date (YYYY-MM-DD, no zone) for reading in the clinic's format: "Jun 30, 2027" / "30 Jun 2027". */
export function formatCalendarDate(date: IsoDate): string {
  return clinicFormat().date(date);
}
