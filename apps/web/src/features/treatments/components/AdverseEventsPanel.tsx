import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { usePatientAdverseEvents } from '@web/features/treatments/hooks/useAdverseEvents';
import { AdverseEventForm, OUTCOME_LABELS } from './AdverseEventForm';
import { RecordSection } from './RecordSection';

interface AdverseEventsPanelProps {
  sessionId: string;
  patientId: string;
  today: string;
  canWrite: boolean;
}

/** Adverse events linked to this session (they also reach the lot's and the pen's exposure reports). */
export function AdverseEventsPanel({ sessionId, patientId, today, canWrite }: AdverseEventsPanelProps) {
  const events = usePatientAdverseEvents(patientId);
  const [open, setOpen] = useState(false);
  const mine = (events.data ?? []).filter((e) => e.sessionId === sessionId);
  return (
    <RecordSection
      title="Adverse events"
      actions={
        canWrite && (
          <Button variant="default" leftSection={<IconAlertOctagon size={16} aria-hidden />} onClick={() => setOpen(true)}>
            Record adverse event
          </Button>
        )
      }
    >
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {events.isPending ? 'Loading…' : 'None recorded.'}
        </Text>
      ) : (
        <Table aria-label="Adverse events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Onset</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="tabular">{formatCalendarDate(e.onsetOn)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <span>{e.typeLabel}</span>
                    {e.seriousness === 'persistent_or_serious' && (
                      <Badge color="red" tt="none">
                        Persistent or serious
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {e.description}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{e.grade ?? '—'}</Table.Td>
                <Table.Td>{OUTCOME_LABELS[e.outcome as keyof typeof OUTCOME_LABELS] ?? e.outcome}</Table.Td>
                <Table.Td>{e.recordedByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <AdverseEventForm sessionId={sessionId} patientId={patientId} today={today} opened onClose={() => setOpen(false)} />}
    </RecordSection>
  );
}
