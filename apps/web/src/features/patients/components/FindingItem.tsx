import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface FindingItemProps {
  color: string;
  icon: ReactNode;
  message: string;
  aside?: ReactNode;
}

/** One line of the eligibility checklist. */
export function FindingItem({ color, icon, message, aside }: FindingItemProps) {
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" px="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-slate-1)' }}>
      <ThemeIcon size={24} variant="light" color={`${color}.7`} radius="xl" aria-hidden>
        {icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" c="slate.9">
          {message}
        </Text>
      </Stack>
      {aside}
    </Group>
  );
}
