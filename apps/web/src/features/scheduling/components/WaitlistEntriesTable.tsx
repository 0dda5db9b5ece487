import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { WaitlistState } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePermission } from '@web/entities/current-user';
import { timeText, whenText } from '@web/features/scheduling/appointmentWords';
import { type WaitlistEntry, useWaitlistMutations } from '@web/features/scheduling/hooks/useWaitlist';
import { problemText } from './problemText';

const STATE_WORDS: Record<WaitlistState, string> = { waiting: 'Waiting', offered: 'Offered', booked: 'Booked', removed: 'Removed', expired: 'Expired' };
const STATE_COLORS: Record<WaitlistState, string> = { waiting: 'blue', offered: 'orange', booked: 'green', removed: 'gray', expired: 'gray' };

/** Waitlist entries: who waits for what, when, their state and latest offer; "Remove" for open ones. */
export function WaitlistEntriesTable({ entries, showPatient, label }: { entries: readonly WaitlistEntry[]; showPatient: boolean; label: string }) {
  const canManage = usePermission('waitlist.manage');
  const { remove } = useWaitlistMutations();
  const takeOff = (e: WaitlistEntry) =>
    remove.mutate(
      { id: e.id },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Removed from the waitlist', message: `${e.patientName}: ${e.serviceName}.` }),
        onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: problemText(error).join(' ') }),
      },
    );
  return (
    <Table aria-label={label} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          {showPatient && <Table.Th>Patient</Table.Th>}
          <Table.Th>Service</Table.Th>
          <Table.Th>Days</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Latest offer</Table.Th>
          {canManage && <Table.Th aria-label="Actions" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const open = e.state === 'waiting' || e.state === 'offered';
          return (
            <Table.Tr key={e.id}>
              {showPatient && (
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {e.patientName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.patientMrn}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{e.serviceName}</Text>
                <Text size="xs" c="dimmed">
                  {e.practitionerName ? `only ${e.practitionerName}` : 'any practitioner'}
                  {e.notes ? ` · ${e.notes}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {formatCalendarDate(e.earliestOn)} – {formatCalendarDate(e.latestOn)}
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={STATE_COLORS[e.state]} tt="none">
                  {STATE_WORDS[e.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {e.latestOffer ? (
                  <Text size="sm">
                    {whenText(e.latestOffer.startsAt, e.latestOffer.timeZone)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {e.latestOffer.state === 'taken' ? 'taken by someone else' : e.latestOffer.state} · sent {timeText(e.latestOffer.offeredAt, e.latestOffer.timeZone)}
                    </Text>
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    None yet
                  </Text>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  {open && (
                    <Button size="compact-sm" variant="default" onClick={() => takeOff(e)} disabled={remove.isPending} aria-label={`Remove ${e.patientName} from the waitlist for ${e.serviceName}`}>
                      Remove
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
