import { Alert, Badge, Button, Drawer, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import { type Appointment, useAppointmentMutations, useCheckIn } from '@web/features/scheduling/hooks/useSchedule';
import { problemText } from './problemText';
import { formatInstantRange } from '@web/lib/time/formatInstant';
import { consentKindLabel } from '@web/lib/words/clinicWords';

/** One appointment: times in the location's zone, what is missing before treatment, check-in, and the way to chart it. */
export function AppointmentDrawer({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  const checkIn = useCheckIn(appointment?.id);
  const { checkIn: markCheckedIn } = useAppointmentMutations();
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
            {formatInstantRange(appointment.startsAt, appointment.endsAt, appointment.timeZone)} ({appointment.timeZone})
          </Text>
          <Text size="sm" c="dimmed">
            {appointment.practitionerName} · {appointment.roomName} · MRN {appointment.patientMrn}
          </Text>
          {checkIn.data && (
            <Alert color={checkIn.data.ready ? 'green' : 'orange'} title={checkIn.data.ready ? 'Ready for treatment' : 'Missing before treatment'} aria-label="Check-in status">
              <List size="sm">
                {checkIn.data.missingConsents.map((kind) => (
                  <List.Item key={kind}>Missing consent: {consentKindLabel(kind).toLowerCase()}</List.Item>
                ))}
                {checkIn.data.blockers
                  .filter((b) => b.code !== 'consent-missing')
                  .map((b) => (
                    <List.Item key={b.code + b.message}>{b.message}</List.Item>
                  ))}
                {checkIn.data.warnings.map((w) => (
                  <List.Item key={w.code + w.message}>{w.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
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
