import { Badge, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { PageHeader } from '@web/components/PageHeader';
import { useSelectedLocation } from '@web/entities/location';
import { ReminderSettingsBar } from '@web/features/scheduling/components/ReminderSettingsBar';
import { KeysetPager, keysetRangeSummary } from '@web/components/KeysetPager';
import { OUTBOX_PAGE_SIZE, useOutbox, type OutboxFilter } from '@web/features/scheduling/hooks/useOutbox';
import { useKeysetCursor } from '@web/lib/hooks/useKeysetCursor';
import { formatInstant } from '@web/lib/time/formatInstant';

const COLOURS: Record<string, string> = { sent: 'green', pending: 'blue', sending: 'orange', failed: 'red', outbox_only: 'grape', obsolete: 'gray' };

/** Reminders and notices: sent, waiting, or kept here because no SMTP/SMS transport is configured. */
/** What each message is, in the front desk's words. */
const KIND_LABELS: Record<string, string> = {
  booked: 'Booking confirmation',
  reminder: 'Reminder',
  confirmation: 'Confirmation',
  reschedule: 'New time',
  cancellation: 'Cancellation',
  no_show: 'Missed appointment',
  waitlist_offer: 'Waitlist offer',
  booking_code: 'Online booking code',
  forms_request: 'Pre-visit forms',
};

export function OutboxPage() {
  useDocumentTitle('Outbox · SkinLedger');
  const [status, setStatus] = useState<OutboxFilter>('all');
  const { timeZone } = useSelectedLocation();
  const cursor = useKeysetCursor(status);
  const messages = useOutbox(status, cursor.after);
  // The capped count comes with the first page only; later pages keep the first page's.
  const [total, setTotal] = useState<{ count: number; capped: boolean } | undefined>();
  useEffect(() => {
    if (messages.data?.total && !messages.isPlaceholderData) setTotal(messages.data.total);
  }, [messages.data, messages.isPlaceholderData]);
  const shown = messages.data?.items.length ?? 0;
  return (
    <>
      <PageHeader title="Outbox" description={`Appointment reminders and notices (send times in ${timeZone}). Without SMTP settings they stay here to be passed on by hand.`} />
      <ReminderSettingsBar />
      <SegmentedControl
        mb="sm"
        value={status}
        onChange={(value) => setStatus(value as OutboxFilter)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'pending', label: 'Waiting' },
          { value: 'outbox_only', label: 'Not sent' },
          { value: 'sent', label: 'Sent' },
          { value: 'failed', label: 'Failed' },
        ]}
      />
      <Paper p="sm">
        {messages.data?.items.length === 0 && <Text c="dimmed">No messages.</Text>}
        <Table aria-label="Outbox" verticalSpacing="xs" style={{ opacity: messages.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Tbody>
            {(messages.data?.items ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatInstant(m.sendAfter, timeZone)}</Table.Td>
                <Table.Td>
                  <Badge color={COLOURS[m.status]} variant="light">
                    {m.status.replace('_', ' ')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {KIND_LABELS[m.kind] ?? m.kind} · {m.channel === 'sms' ? 'text' : 'e-mail'}
                </Table.Td>
                <Table.Td>{m.patientName}</Table.Td>
                <Table.Td>{m.recipient ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.subject}</Text>
                  {m.error && (
                    <Text size="xs" c="dimmed">
                      {m.error}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <KeysetPager
          summary={shown > 0 ? `${keysetRangeSummary(cursor.pageIndex, OUTBOX_PAGE_SIZE, shown, total)} messages` : ' '}
          hasPrevious={cursor.hasPrevious}
          hasNext={messages.data?.hasMore ?? false}
          onPrevious={cursor.previous}
          onNext={() => cursor.next(messages.data?.nextCursor)}
          label="Outbox pages"
        />
      </Paper>
    </>
  );
}
