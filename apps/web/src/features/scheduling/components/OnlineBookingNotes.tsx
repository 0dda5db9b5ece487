import { Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { VerifyIdentityCallout } from '@web/features/patients';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { scheduleKeys } from '@web/features/scheduling/hooks/scheduleKeys';
import { OnlineMarker } from './OnlineMarker';

/**
 * In the appointment (check-in) drawer, for a booking the patient made online (issue 16): where it came from and,
 * while her self-registered record is unverified, the identity check. Nothing for a staff booking of a known patient.
 */
export function OnlineBookingNotes({ appointment }: { appointment: Appointment }) {
  const client = useQueryClient();
  const closed = appointment.status === 'cancelled' || appointment.status === 'no_show';
  if (appointment.source !== 'online' && !appointment.patientIdentityToVerify) return null;
  return (
    <>
      {appointment.source === 'online' && (
        <Group gap={4} data-testid="online-booking-note">
          <OnlineMarker size={14} />
          <Text size="sm" c="dimmed">
            Booked online by the patient
          </Text>
        </Group>
      )}
      {appointment.patientIdentityToVerify && !closed && (
        <VerifyIdentityCallout patientId={appointment.patientId} compact onVerified={() => void client.invalidateQueries({ queryKey: scheduleKeys.all })} />
      )}
    </>
  );
}
