import { Alert, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { TIME_OF_DAY_LABELS, type AppointmentStatus } from '@skinledger/domain';
import { APPOINTMENT_STATUS_LABELS } from '@web/features/scheduling/schedulingVocabulary';
import { useBookCourse, type CoursePlan } from '@web/features/scheduling/hooks/useCoursePlan';
import { problemText } from './problemText';
import { formatInstant } from '@web/lib/time/formatInstant';

interface CoursePlanCardProps {
  plan: CoursePlan;
  timeZone: string;
  /** The course as the API returns it after booking. */
  onBooked: (plan: CoursePlan) => void;
}

/** A proposed or booked course: each session's target date and slot, and booking them all at once. */
export function CoursePlanCard({ plan, timeZone, onBooked }: CoursePlanCardProps) {
  const book = useBookCourse();
  const when = (iso: string | null) =>
    iso
      ? formatInstant(iso, timeZone)
      : 'No free slot within a week';
  return (
    <Paper p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {plan.serviceName}: {plan.sessions} sessions, {plan.intervalWeeks} weeks apart
        </Text>
        <Group gap="xs">
          <Badge variant="light">{plan.status}</Badge>
          <Badge variant="outline">
            {plan.progress.completed} of {plan.progress.total} completed
          </Badge>
        </Group>
      </Group>
      {(plan.preference.from || plan.preference.practitionerName) && (
        <Text size="sm" mb="xs">
          Preferred: {preferenceText(plan.preference)}
        </Text>
      )}
      <Table.ScrollContainer minWidth={680} type="native" tabIndex={0} role="region" aria-label="Proposed sessions">
        <Table aria-label="Course sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Session</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Slot</Table.Th>
              <Table.Th>Practitioner</Table.Th>
              <Table.Th>Room</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.sessionList.map((s) => (
              <Table.Tr key={s.sessionNumber}>
                <Table.Td>
                  {s.sessionNumber} of {plan.sessions}
                </Table.Td>
                <Table.Td>{calendarDate(s.targetOn)}</Table.Td>
                <Table.Td c={s.proposedStartsAt ? undefined : 'red.8'}>
                  {when(s.proposedStartsAt)}
                  {s.proposedStartsAt && !s.keepsPreferredTime && (
                    <Badge ml={6} size="sm" color="gray.8" variant="outline" tt="none">
                      Outside the preferred time
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.practitionerName ?? '—'}
                  {s.proposedStartsAt && !s.keepsPreferredPractitioner && (
                    <Badge ml={6} size="sm" color="gray.8" variant="outline" tt="none">
                      Not the preferred practitioner
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.roomName ?? '—'}</Table.Td>
                <Table.Td>{s.appointmentStatus ? (APPOINTMENT_STATUS_LABELS[s.appointmentStatus as AppointmentStatus] ?? s.appointmentStatus) : 'Proposed'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {book.isError && (
        <Alert color="red" mt="sm" title="Course not booked (nothing was booked)">
          {problemText(book.error).join(' ')}
        </Alert>
      )}
      {plan.status === 'proposed' && (
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => book.mutate(plan.id, { onSuccess: onBooked })} loading={book.isPending}>
            Book all sessions
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** "afternoons (starts 12:00–17:00) with Nora Reyes", "starts 15:30–18:00", "with Nora Reyes". */
function preferenceText(p: CoursePlan['preference']): string {
  const time = p.timeOfDay ? TIME_OF_DAY_LABELS[p.timeOfDay as keyof typeof TIME_OF_DAY_LABELS].toLowerCase() : p.from ? `starts ${p.from}–${p.to}` : '';
  return [time, p.practitionerName ? `with ${p.practitionerName}` : ''].filter(Boolean).join(' ');
}

/** A course's target date (YYYY-MM-DD, a calendar date) as "Sun, Dec 13". */
function calendarDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
