import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label/value pairs laid out densely; empty values show a dash. */
export function FactList({ facts, cols = 3 }: { facts: { label: string; value: ReactNode }[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 2, md: cols }} spacing="sm" verticalSpacing="xs">
      {facts.map(({ label, value }) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value === null || value === undefined || value === '' ? '—' : value}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
