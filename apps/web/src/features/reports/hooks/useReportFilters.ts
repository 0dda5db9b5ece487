import { isoDateInTimeZone } from '@skinledger/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { defaultReportRange, type ReportFilters } from '@web/features/reports/reportFilters';

/** The report settings kept in the URL besides the filters: the tab and each report's own choice. */
export type ReportParam = keyof ReportFilters | 'tab' | 'scale' | 'indication' | 'cartridgesBy' | 'appointmentsBy';

/**
 * Filters live in the URL (a report can be bookmarked, shared, printed from a link); without them the last 12 months
 * up to today in the clinic's zone, every location, everyone.
 */
export function useReportFilters(timeZone: string) {
  const [params, setParams] = useSearchParams();
  const range = defaultReportRange(isoDateInTimeZone(new Date(), timeZone));

  const filters = useMemo<ReportFilters>(
    () => ({
      from: params.get('from') ?? range.from,
      to: params.get('to') ?? range.to,
      locationId: params.get('locationId') ?? '',
      practitionerId: params.get('practitionerId') ?? '',
    }),
    [params, range.from, range.to],
  );

  const param = useCallback((key: ReportParam) => params.get(key) ?? '', [params]);

  const setParam = useCallback(
    (key: ReportParam, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { filters, param, setParam };
}
