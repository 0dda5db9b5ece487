import { Badge, Group } from '@mantine/core';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { APPOINTMENT_STATUS_COLORS, APPOINTMENT_STATUS_LABELS } from '@web/features/scheduling/appointmentWords';

/** The status in words with a coloured dot, and "Late cancellation" when the patient cancelled inside the window. */
export function AppointmentStatusBadge({ appointment }: { appointment: Pick<Appointment, 'status' | 'lateCancellation' | 'cancelledBy'> }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="dot" color={APPOINTMENT_STATUS_COLORS[appointment.status]} tt="none">
        {APPOINTMENT_STATUS_LABELS[appointment.status]}
        {appointment.status === 'cancelled' && appointment.cancelledBy === 'clinic' ? ' by clinic' : ''}
      </Badge>
      {appointment.lateCancellation && (
        <Badge variant="outline" color="red.9" tt="none">
          Late cancellation
        </Badge>
      )}
    </Group>
  );
}
