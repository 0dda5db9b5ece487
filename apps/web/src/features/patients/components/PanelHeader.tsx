import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PanelHeaderProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** The h2 of a profile tab with a line of context and its main action. */
export function PanelHeader({ title, description, action }: PanelHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap" mb="sm">
      <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
        <Title order={2} fz="md">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {action}
    </Group>
  );
}
