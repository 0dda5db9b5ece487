import { Center, Loader, Stack, Text } from '@mantine/core';

/**
 * While the first answer or the first page's code is on its way. It fades in only after a moment (`sl-calm`,
 * global.css), so a quick load shows a blank page instead of a spinner that flashes and vanishes.
 */
export function FullPageLoader({ label = 'Loading SkinLedger' }: { label?: string }) {
  return (
    <Center h="100vh" role="status" aria-live="polite" className="sl-calm">
      <Stack align="center" gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
