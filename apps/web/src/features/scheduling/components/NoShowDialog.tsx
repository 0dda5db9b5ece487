import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { whenText } from '@web/features/scheduling/appointmentWords';
import { useAppointmentLifecycle } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { RefusalAlert } from './RefusalAlert';

/** Marks a patient who did not come: kept as missed (never deleted), the time freed, a "we missed you" message sent. */
export function NoShowDialog({ appointment, opened, onClose, onMarked }: { appointment: Appointment; opened: boolean; onClose: () => void; onMarked: (a: Appointment) => void }) {
  const { noShow } = useAppointmentLifecycle();
  const first = appointment.patientName.split(' ')[0];
  useEffect(() => {
    if (opened) noShow.reset();
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title="Mark as no-show" size="md">
      <Stack gap="sm">
        <Text>
          Did <strong>{appointment.patientName}</strong> miss {appointment.serviceName} on {whenText(appointment.startsAt, appointment.timeZone)}?
        </Text>
        <Text size="sm" c="dimmed">
          The appointment is kept as a no-show in {first}’s record, {first} gets a message asking to book a new time, and what is left of the time is offered to
          the waitlist.
        </Text>
        {noShow.isError && <RefusalAlert title="Not marked" error={noShow.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Go back
          </Button>
          <Button onClick={() => noShow.mutate(appointment.id, { onSuccess: (a) => onMarked(a) })} loading={noShow.isPending}>
            Mark as no-show
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
