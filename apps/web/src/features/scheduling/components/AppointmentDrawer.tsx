import { Alert, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import { type Appointment, useAppointmentMutations } from '@web/features/scheduling/hooks/useSchedule';
import { CheckInReadiness } from './CheckInReadiness';
import { problemText } from './problemText';

/** One appointment: times in the location's zone, what is missing before treatment, check-in, and the way to chart it. */
export function AppointmentDrawer({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  const { checkIn: markCheckedIn } = useAppointmentMutations();
  const fmt = (iso: string) => new Intl.DateTimeFormat('en-US', { timeZone: appointment?.timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
  const canCheckIn = appointment && (appointment.status === 'booked' || appointment.status === 'confirmed');
  const canTreat = usePermission('treatment.record');
  return (
    <Drawer opened={appointment !== null} onClose={onClose} position="right" title={appointment?.patientName} size="md">
      {appointment && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{appointment.status.replace('_', ' ')}</Badge>
            <Text size="sm">{appointment.serviceName}</Text>
          </Group>
          <Text size="sm">
            {fmt(appointment.startsAt)} – {new Intl.DateTimeFormat('en-US', { timeZone: appointment.timeZone, timeStyle: 'short', hourCycle: 'h23' }).format(new Date(appointment.endsAt))} ({appointment.timeZone})
          </Text>
          <Text size="sm" c="dimmed">
            {appointment.practitionerName} · {appointment.roomName} · MRN {appointment.patientMrn}
          </Text>
          <CheckInReadiness appointment={appointment} />
          {markCheckedIn.isError && <Alert color="red">{problemText(markCheckedIn.error).join(' ')}</Alert>}
          {canCheckIn && (
            <Button onClick={() => markCheckedIn.mutate(appointment.id, { onSuccess: onClose })} loading={markCheckedIn.isPending}>
              Check in
            </Button>
          )}
          {canTreat && appointment.status === 'checked_in' && (
            <Button component={Link} to={`/patients/${appointment.patientId}/appointments/${appointment.id}/chart`} color="teal">
              Start treatment
            </Button>
          )}
          {canTreat && (appointment.status === 'in_treatment' || appointment.status === 'completed') && (
            <Button component={Link} to={`/patients/${appointment.patientId}?tab=sessions`} variant="light">
              Open the session record
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
