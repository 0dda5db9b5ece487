import { addDays } from '@skinledger/domain';
import { InvalidFieldError } from '../common/problems/domain-error';
import type { ReportQueryDto } from './report-query.dto';

/** A report looks back at most this far in one request: enough for year-on-year, bounded for the database. */
export const MAX_REPORT_DAYS = 3 * 366;

/** The range a report covers, checked: `to` on or after `from`, and not more than three years after it. */
export function reportRange(query: Pick<ReportQueryDto, 'from' | 'to'>): { from: string; to: string } {
  if (query.to < query.from) throw new InvalidFieldError('to', 'must be on or after from');
  if (query.to > addDays(query.from, MAX_REPORT_DAYS)) throw new InvalidFieldError('to', `at most ${MAX_REPORT_DAYS} days after from`);
  return { from: query.from, to: query.to };
}
