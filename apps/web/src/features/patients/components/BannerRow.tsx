import { Box, Group, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface BannerRowProps {
  color: string;
  icon: ReactNode;
  label: string;
  children: ReactNode;
  action?: ReactNode;
}

/** One line of the patient banner: a tinted strip with an icon, a label and its content. */
export function BannerRow({ color, icon, label, children, action }: BannerRowProps) {
  return (
    <Group
      gap="sm"
      px="sm"
      py={6}
      wrap="nowrap"
      align="flex-start"
      bg={`${color}.0`}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <ThemeIcon size={22} variant="transparent" color={`${color}.8`} aria-hidden mt={1}>
        {icon}
      </ThemeIcon>
      <Text size="sm" fw={700} c={`${color}.9`} w={150} style={{ flexShrink: 0 }} mt={2}>
        {label}
      </Text>
      <Box style={{ flex: 1, minWidth: 0 }} mt={2}>
        {children}
      </Box>
      {action}
    </Group>
  );
}
