import { Badge, Button, Group, List, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePermission } from '@web/entities/current-user';
import { dayText, timeRangeText, timeText } from '@web/features/scheduling/appointmentWords';
import { type FreedSlot, type WaitlistMatch, useWaitlistMutations } from '@web/features/scheduling/hooks/useWaitlist';
import { RefusalAlert } from './RefusalAlert';

const CAUSE_WORDS: Record<FreedSlot['cause'], string> = { cancelled: 'Cancellation', no_show: 'No-show', rescheduled: 'Moved' };

/**
 * A slot a cancellation, no-show or move gave back, and the waitlist entries that fit it (the API's engine found a
 * free start for each entry's service inside it). "Offer" sends the patient an e-mail; when the patient says yes,
 * "Book" is the normal booking, and whoever books an offered slot first gets it: the other offers are told plainly.
 */
export function FreedSlotCard({ slot, headingLevel = 3, layout = 'table' }: { slot: FreedSlot; headingLevel?: 3 | 4; layout?: 'table' | 'list' }) {
  const canManage = usePermission('waitlist.manage');
  const { offer, book } = useWaitlistMutations();
  const zone = slot.timeZone;
  const Heading = `h${headingLevel}` as const;
  const title = `${dayText(slot.startsAt, zone)}, ${timeRangeText(slot.startsAt, slot.endsAt, zone)}`;

  const sendOffer = (m: WaitlistMatch) =>
    offer.mutate(
      { entryId: m.entry.id, freedSlotId: slot.id, startsAt: m.startsAt },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Offer sent',
            message: m.entry.patientHasEmail
              ? `${m.entry.patientName} gets an e-mail offering ${timeText(m.startsAt, zone)}. Book it here when they say yes.`
              : `${m.entry.patientName} has no e-mail address: call them to offer ${timeText(m.startsAt, zone)}.`,
          }),
      },
    );
  const bookOffer = (m: WaitlistMatch) =>
    m.offer &&
    book.mutate(m.offer.id, {
      onSuccess: (a) => notifications.show({ color: 'green', title: 'Booked from the waitlist', message: `${a.patientName}, ${timeText(a.startsAt, zone)} with ${a.practitionerName}.` }),
    });

  return (
    <Paper withBorder p="sm" component="section" aria-label={`Freed slot ${title}`}>
      <Group justify="space-between" align="flex-start" mb={6}>
        <div>
          <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 }}>{title}</Heading>
          <Text size="sm" c="dimmed">
            {slot.practitionerName} · {slot.roomName}
          </Text>
        </div>
        <Badge variant="dot" color={slot.open ? 'green' : 'gray'} tt="none">
          {slot.open ? `${CAUSE_WORDS[slot.cause]}: free again` : 'Taken again'}
        </Badge>
      </Group>
      {(offer.isError || book.isError) && (
        <RefusalAlert title={book.isError ? 'Not booked' : 'Not offered'} error={book.error ?? offer.error} onClose={() => (offer.reset(), book.reset())} />
      )}
      {!slot.open && (
        <Text size="sm" c="dimmed">
          Someone has been booked into this time again.
        </Text>
      )}
      {slot.open && slot.matches.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody on the waitlist fits this time.
        </Text>
      )}
      {slot.matches.length > 0 && layout === 'list' && (
        <List listStyleType="none" spacing={0} aria-label={`Waitlist matches for ${title}`} styles={{ item: { borderTop: '1px solid var(--mantine-color-slate-2)', padding: '6px 0' } }}>
          {slot.matches.map((m) => (
            <List.Item key={m.entry.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <div>
                  <Text size="sm" fw={500}>
                    {m.entry.patientName}{' '}
                    <Text span size="xs" c="dimmed">
                      {m.entry.patientMrn}
                      {m.entry.patientHasEmail ? '' : ' · no e-mail'}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.entry.serviceName} at {timeText(m.startsAt, zone)} · waiting {formatCalendarDate(m.entry.earliestOn)} – {formatCalendarDate(m.entry.latestOn)}
                    {m.entry.practitionerName ? ` · only ${m.entry.practitionerName}` : ''}
                  </Text>
                </div>
                <MatchAction match={m} canManage={canManage} onOffer={() => sendOffer(m)} onBook={() => bookOffer(m)} busy={offer.isPending || book.isPending} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {slot.matches.length > 0 && layout === 'table' && (
        <Table verticalSpacing={6} aria-label={`Waitlist matches for ${title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Waiting for</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slot.matches.map((m) => (
              <Table.Tr key={m.entry.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {m.entry.patientName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.entry.patientMrn}
                    {m.entry.patientHasEmail ? '' : ' · no e-mail'}
                  </Text>
                </Table.Td>
                <Table.Td>{m.entry.serviceName}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatCalendarDate(m.entry.earliestOn)} – {formatCalendarDate(m.entry.latestOn)}
                  </Text>
                  {m.entry.practitionerName && (
                    <Text size="xs" c="dimmed">
                      only {m.entry.practitionerName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="tabular">{timeText(m.startsAt, zone)}</Table.Td>
                <Table.Td>
                  <MatchAction match={m} canManage={canManage} onOffer={() => sendOffer(m)} onBook={() => bookOffer(m)} busy={offer.isPending || book.isPending} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function MatchAction({ match, canManage, onOffer, onBook, busy }: { match: WaitlistMatch; canManage: boolean; onOffer: () => void; onBook: () => void; busy: boolean }) {
  const state = match.offer?.state;
  const who = match.entry.patientName;
  if (state === 'booked') return <Badge variant="dot" color="green" tt="none">Booked</Badge>;
  if (state === 'taken') return <Text size="sm">Taken by someone else</Text>;
  if (state === 'open') {
    return (
      <Group gap={6} wrap="nowrap" justify="flex-end">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          Offered {match.offer ? timeText(match.offer.offeredAt, match.offer.timeZone) : ''}
        </Text>
        {canManage && (
          <Button size="compact-sm" onClick={onBook} disabled={busy} aria-label={`Book for ${who}`}>
            Book
          </Button>
        )}
      </Group>
    );
  }
  if (!canManage) return null;
  return (
    <Group justify="flex-end">
      <Button size="compact-sm" variant="default" onClick={onOffer} disabled={busy} aria-label={`Offer to ${who}`}>
        Offer
      </Button>
    </Group>
  );
}
