import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconDroplet } from '@tabler/icons-react';

/** The SkinLedger word mark. */
export function BrandMark({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'sm' ? 26 : 32} radius="sm" aria-hidden>
        <IconDroplet size={size === 'sm' ? 16 : 19} stroke={2} />
      </ThemeIcon>
      <Text fw={650} fz={size === 'sm' ? 'md' : 'lg'} c="slate.9" style={{ letterSpacing: '-0.01em' }}>
        SkinLedger
      </Text>
    </Group>
  );
}
