import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleDashed, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export type ChecklistTone = 'blocker' | 'warning' | 'todo';

const ICONS = {
  blocker: { Icon: IconCircleX, color: 'red' },
  warning: { Icon: IconAlertTriangle, color: 'yellow' },
  todo: { Icon: IconCircleDashed, color: 'slate' },
} as const;

/** One line of the safety checklist: a coloured icon, the message, and anything to do about it. */
export function ChecklistItem({ tone, message, children }: { tone: ChecklistTone; message: string; children?: ReactNode }) {
  const { Icon, color } = ICONS[tone];
  return (
    <Group gap={8} align="flex-start" wrap="nowrap" data-tone={tone}>
      <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
        <Icon size={15} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" c={tone === 'blocker' ? 'red.9' : 'slate.9'}>
          {message}
        </Text>
        {children}
      </Stack>
    </Group>
  );
}
