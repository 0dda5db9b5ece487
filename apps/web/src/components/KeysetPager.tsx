import { Box, Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface KeysetPagerProps {
  /** What is shown, e.g. "51–100 of 1,000+ events". */
  summary: ReactNode;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Names the page navigation for screen readers, e.g. "Audit log pages". */
  label: string;
}

/**
 * The footer of a keyset-paged table: lists page by cursor (no total to jump to page 2,001), so the navigation is
 * Previous / Next; the summary says where the reader is.
 */
export function KeysetPager({ summary, hasPrevious, hasNext, onPrevious, onNext, label }: KeysetPagerProps) {
  return (
    <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-slate-2)' }}>
      <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
        {summary}
      </Text>
      {(hasPrevious || hasNext) && (
        <Box component="nav" aria-label={label}>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden />} disabled={!hasPrevious} onClick={onPrevious}>
              Previous
            </Button>
            <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden />} disabled={!hasNext} onClick={onNext}>
              Next
            </Button>
          </Group>
        </Box>
      )}
    </Group>
  );
}

/** "1–50 of 1,000+" from a page's position and a capped count (or "51–100" when no count is given). */
export function keysetRangeSummary(pageIndex: number, pageSize: number, shown: number, total?: { count: number; capped: boolean }): string {
  if (shown === 0) return ' ';
  const first = pageIndex * pageSize + 1;
  const range = `${first.toLocaleString('en-US')}–${(first + shown - 1).toLocaleString('en-US')}`;
  if (!total) return range;
  return `${range} of ${total.count.toLocaleString('en-US')}${total.capped ? '+' : ''}`;
}
