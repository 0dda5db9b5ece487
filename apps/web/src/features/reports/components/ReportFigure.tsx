import { Box, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from '@web/features/reports/pages/ReportsPage.module.css';

interface ReportFigureProps {
  title: string;
  /** The chart in words: its accessible description, also shown under it. */
  summary: string;
  /** What the reader should know to read it ("improvement shown as positive"). */
  note?: ReactNode;
  /** The drawing's height in pixels (a chart fills its box); 'auto' for one that sizes itself (the heat map's grid). */
  height: number | 'auto';
  chart: ReactNode;
  /** Where the same numbers are written out. */
  figuresIn?: string;
}

/**
 * A chart with its name and summary. The drawing itself is hidden from assistive technology: the table beneath
 * carries the same numbers, and the summary says what the chart shows.
 */
export function ReportFigure({ title, summary, note, height, chart, figuresIn = 'in the table below' }: ReportFigureProps) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <Box component="figure" m={0} className={classes.figure} aria-labelledby={titleId} aria-describedby={summaryId}>
      <Text component="figcaption" id={titleId} fw={600} size="sm">
        {title}
      </Text>
      {note && (
        <Text size="xs" c="slate.7" mt={2}>
          {note}
        </Text>
      )}
      <Box h={height === 'auto' ? undefined : height} mt="xs" aria-hidden data-testid="report-chart">
        {chart}
      </Box>
      <Text id={summaryId} size="xs" c="slate.7" mt={4}>
        {summary} The figures are {figuresIn}.
      </Text>
    </Box>
  );
}
