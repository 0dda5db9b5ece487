import { Alert, Button, Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePermission } from '@web/entities/current-user';
import { useAppointment } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import { type Appointment as CalendarAppointment, useAppointmentMutations } from '@web/features/scheduling/hooks/useSchedule';
import { AppointmentLifecycleActions } from './AppointmentLifecycleActions';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { CheckInReadiness } from './CheckInReadiness';
import { FreedSlotMatches } from './FreedSlotMatches';
import { SendFormsButton } from './SendFormsButton';
import { problemText } from './problemText';
import { useLastDefined } from '@web/lib/hooks/useLastDefined';
import { formatInstantRange } from '@web/lib/time/formatInstant';

/** One appointment: times in the location's zone, what is missing before treatment, check-in, and the way to chart it. */
export function AppointmentDrawer({ appointment: opened, onClose }: { appointment: CalendarAppointment | null; onClose: () => void }) {
  // The appointment as it is now: a confirmation, cancellation or move made here shows at once.
  const live = useAppointment(opened);
  const appointment = opened ? (live.data ?? opened) : null;
  const { checkIn: markCheckedIn } = useAppointmentMutations();
  const canCheckIn = appointment && (appointment.status === 'booked' || appointment.status === 'confirmed');
  const canTreat = usePermission('treatment.record');
  // The name stays while the drawer slides out: a dialog without one is unnamed for a screen reader (axe: aria-dialog-name).
  const named = useLastDefined(appointment);
  return (
    <Drawer opened={appointment !== null} onClose={onClose} position="right" title={named?.patientName} size="md">
      {appointment && (
        <Stack gap="sm">
          <Group gap="xs">
            <AppointmentStatusBadge appointment={appointment} />
            <Text size="sm">{appointment.serviceName}</Text>
          </Group>
          <Text size="sm">
            {formatInstantRange(appointment.startsAt, appointment.endsAt, appointment.timeZone)} ({appointment.timeZone})
          </Text>
          <Text size="sm" c="dimmed">
            {appointment.practitionerName} · {appointment.roomName} · MRN {appointment.patientMrn}
          </Text>
          {appointment.status === 'cancelled' && appointment.cancelReason && (
            <Text size="sm">
              Cancelled{appointment.cancelledBy === 'clinic' ? ' by the clinic' : appointment.cancelledBy === 'patient' ? ' by the patient' : ''}: {appointment.cancelReason}
            </Text>
          )}
          {/* A cancelled or missed visit has nothing left to get ready. */}
          {appointment.status !== 'cancelled' && appointment.status !== 'no_show' && <CheckInReadiness appointment={appointment} />}
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
          {/* The pre-visit forms by e-mail, for a visit still to come. */}
          {(appointment.status === 'booked' || appointment.status === 'confirmed') && <SendFormsButton appointmentId={appointment.id} />}
          {/* The lifecycle: confirm, reschedule, cancel with a reason, no-show; and the waitlist for time freed. */}
          <Divider />
          <AppointmentLifecycleActions appointment={appointment} />
          <FreedSlotMatches appointmentId={appointment.id} />
        </Stack>
      )}
    </Drawer>
  );
}
