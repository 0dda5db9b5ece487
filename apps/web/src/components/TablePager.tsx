import { Box, Group, Pagination, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface TablePagerProps {
  /** What is shown, e.g. "1–25 of 180 events". */
  summary: ReactNode;
  page: number;
  pages: number;
  onPageChange: (page: number) => void;
  /** Names the page navigation for screen readers, e.g. "Audit log pages". */
  label: string;
}

const CONTROL_LABELS = { first: 'First page', last: 'Last page', next: 'Next page', previous: 'Previous page' } as const;

/** The footer of a paged table: what is shown on the left, accessible page navigation on the right. */
export function TablePager({ summary, page, pages, onPageChange, label }: TablePagerProps) {
  return (
    <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-slate-2)' }}>
      <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
        {summary}
      </Text>
      {pages > 1 && (
        // Named on a nav landmark: a name on Pagination's own root (a plain div) is ignored by assistive tech.
        <Box component="nav" aria-label={label}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPageChange}
            size="sm"
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
          />
        </Box>
      )}
    </Group>
  );
}
