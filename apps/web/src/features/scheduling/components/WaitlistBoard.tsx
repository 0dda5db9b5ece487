import { Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { usePermission } from '@web/entities/current-user';
import { useFreedSlots, useWaitlist } from '@web/features/scheduling/hooks/useWaitlist';
import { lazyNamed, useWantedOnce } from '@web/lib/lazy/lazyNamed';
import { FreedSlotCard } from './FreedSlotCard';
import { problemText } from './problemText';
import { WaitlistEntriesTable } from './WaitlistEntriesTable';

// The dialog (patient search, services) loads when first opened.
const AddToWaitlistDialog = lazyNamed(() => import('./AddToWaitlistDialog'), 'AddToWaitlistDialog');

/**
 * Beside the calendar: the time cancellations, no-shows and moves freed in the next two weeks, each with the
 * waitlist entries that fit it (offer with one click), and the location's waitlist.
 */
export function WaitlistBoard({ locationId, timeZone }: { locationId: string; timeZone: string }) {
  const canRead = usePermission('waitlist.read');
  const canManage = usePermission('waitlist.manage');
  const [tab, setTab] = useState<string | null>('freed');
  const [adding, setAdding] = useState(false);
  const addingWanted = useWantedOnce(adding);
  // The window moves with the hour, so the query key stays stable within it.
  const hour = DateTime.now().startOf('hour').toISO();
  const span = useMemo(() => {
    const from = DateTime.fromISO(hour as string);
    return { from: from.toUTC().toISO() as string, to: from.plus({ days: 14 }).toUTC().toISO() as string };
  }, [hour]);
  const freed = useFreedSlots({ locationId, ...span }, canRead);
  const waitlist = useWaitlist({ locationId, openOnly: true }, canRead);
  if (!canRead) return null;
  const slots = freed.data?.items ?? [];
  const entries = waitlist.data?.items ?? [];
  return (
    <Paper p="sm" component="section" aria-labelledby="waitlist-board-heading">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="waitlist-board-heading" component="h2" fz="md" m={0}>
          Freed slots and waitlist
        </Text>
        {canManage && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Add to waitlist
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="freed" rightSection={<Badge size="sm" variant="outline" color="dark">{slots.length}</Badge>}>
            Freed slots
          </Tabs.Tab>
          <Tabs.Tab value="waitlist" rightSection={<Badge size="sm" variant="outline" color="dark">{waitlist.data?.total ?? 0}</Badge>}>
            Waitlist
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="freed" pt="sm">
          {freed.isError ? (
            // Never "nothing freed" when the list could not be read: the front desk would stop looking.
            <Text size="sm" c="red.8" role="alert">
              The freed slots could not be loaded: {problemText(freed.error).join(' ')}
            </Text>
          ) : slots.length === 0 ? (
            <Text size="sm" c="dimmed">
              No time freed by cancellations, no-shows or moves in the next two weeks.
            </Text>
          ) : (
            <Stack gap="sm">
              {slots.map((slot) => (
                <FreedSlotCard key={slot.id} slot={slot} />
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="waitlist" pt="sm">
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody is waiting at this location.
            </Text>
          ) : (
            <WaitlistEntriesTable entries={entries} showPatient label="Waitlist" />
          )}
        </Tabs.Panel>
      </Tabs>
      {addingWanted && (
        <AddToWaitlistDialog opened={adding} onClose={() => setAdding(false)} locationId={locationId} timeZone={timeZone} onAdded={() => setTab('waitlist')} />
      )}
    </Paper>
  );
}
