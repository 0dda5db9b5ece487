import { Skeleton } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryErrorAlert } from '@web/components/QueryErrorAlert';

/** What ReportBody needs of a report's query (TanStack Query's result). */
interface ReportQueryState<Data> {
  data: Data | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

interface ReportBodyProps<Data> {
  report: ReportQueryState<Data>;
  /** "the cartridges report": in the loading label and the error message. */
  what: string;
  /** The skeleton's height: about the chart's, so that the page does not jump when the figures arrive. */
  skeletonHeight?: number;
  children: (data: Data) => ReactNode;
}

/**
 * The frame every report tab shares: a skeleton while the first answer is on its way, the error with a retry, and the
 * previous figures dimmed while new filters are being asked (they stay readable rather than blinking out).
 */
export function ReportBody<Data>({ report, what, skeletonHeight = 260, children }: ReportBodyProps<Data>) {
  return (
    <>
      {report.isPending && <Skeleton height={skeletonHeight} aria-label={`Loading ${what}`} />}
      {report.isError && <QueryErrorAlert error={report.error} what={what} onRetry={() => void report.refetch()} />}
      {report.data !== undefined && <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>{children(report.data)}</div>}
    </>
  );
}
