import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  headingOrder?: 2 | 3;
}

/** A calm, honest placeholder: what is (not) here and why. */
export function EmptyState({ icon, title, children, headingOrder = 2 }: EmptyStateProps) {
  return (
    <Center py={48} px="md">
      <Stack align="center" gap="xs" maw={460} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="slate" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={headingOrder} fz="md" mt="xs">
          {title}
        </Title>
        {children && (
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
