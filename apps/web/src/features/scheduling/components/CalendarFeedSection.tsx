import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useCalendarFeed } from '@web/features/scheduling/hooks/useCalendarFeed';

/** The practitioner's secret iCalendar URL for a phone calendar: shown once when created; a new one revokes the old. */
export function CalendarFeedSection({ staffId }: { staffId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const { rotate, revoke } = useCalendarFeed(staffId);
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        Phone calendar
      </Title>
      <Text size="sm" c="dimmed">
        A secret link to this practitioner's appointments (service and patient initials only). Anyone with the link can read it; make a new one to cut off the old.
      </Text>
      {url && <TextInput readOnly label="Calendar link (shown once)" value={url} onFocus={(e) => e.currentTarget.select()} />}
      <Group>
        <Button variant="light" onClick={() => rotate.mutate(undefined, { onSuccess: (feed) => setUrl(`${window.location.origin}${feed.path}`) })} loading={rotate.isPending}>
          New calendar link
        </Button>
        <Button variant="subtle" color="red" onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })} loading={revoke.isPending}>
          Revoke link
        </Button>
        {revoke.isSuccess && <Text size="sm">Revoked</Text>}
      </Group>
    </Stack>
  );
}
