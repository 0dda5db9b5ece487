import { Alert, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
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
              <Table.Td>{s.targetOn}</Table.Td>
              <Table.Td c={s.proposedStartsAt ? undefined : 'red'}>{when(s.proposedStartsAt)}</Table.Td>
              <Table.Td>{s.practitionerName ?? '—'}</Table.Td>
              <Table.Td>{s.roomName ?? '—'}</Table.Td>
              <Table.Td>{s.appointmentStatus?.replace('_', ' ') ?? 'proposed'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
