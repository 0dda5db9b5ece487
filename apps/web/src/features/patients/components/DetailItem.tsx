import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label over its value in a details card; "—" when there is none. */
export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Stack gap={0} component="div">
      <Text size="xs" fw={600} c="slate.6" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      )}
    </Stack>
  );
}
