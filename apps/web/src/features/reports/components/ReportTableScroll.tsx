import { Box, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from '@web/features/reports/pages/ReportsPage.module.css';

interface ReportTableScrollProps {
  /** What the table holds, naming the scrolling region for assistive technology. */
  label: string;
  minWidth: number;
  mt?: MantineSpacing;
  children: ReactNode;
}

/**
 * A wide table scrolls sideways on a tablet rather than squeezing its figures; the region can take keyboard focus so
 * that the arrow keys scroll it too (WCAG 2.1.1), and is named after its table.
 */
export function ReportTableScroll({ label, minWidth, mt, children }: ReportTableScrollProps) {
  return (
    <Box className={classes.tableScroll} tabIndex={0} role="region" aria-label={label} mt={mt}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
