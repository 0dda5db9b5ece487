import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { formatInstant } from '@web/lib/time/formatInstant';
import { OnlineMarker } from './OnlineMarker';

interface TodaysAppointmentsProps {
  appointments: readonly Appointment[];
  timeZone: string;
  onOpen: (appointment: Appointment) => void;
}

/** The front desk's list for today: who comes when, and check-in or details for each. */
export function TodaysAppointments({ appointments, timeZone, onOpen }: TodaysAppointmentsProps) {
  return (
    <Paper p="sm">
      <Text fw={600} mb="xs">
        Today
      </Text>
      {appointments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No appointments today.
        </Text>
      ) : (
        <Table aria-label="Today's appointments" verticalSpacing="xs">
          <Table.Tbody>
            {appointments.map((a) => {
              const awaitsCheckIn = a.status === 'booked' || a.status === 'confirmed';
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatInstant(a.startsAt, timeZone, 'time')}</Table.Td>
                  <Table.Td>
                    {a.source === 'online' && <OnlineMarker />}
                    {a.patientName}
                  </Table.Td>
                  <Table.Td>{a.serviceName}</Table.Td>
                  <Table.Td>{a.practitionerName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{a.status.replace('_', ' ')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {/* Check-in happens in the drawer, which first shows what is missing (consents, history, contraindications). */}
                      <Button size="xs" variant={awaitsCheckIn ? 'filled' : 'light'} onClick={() => onOpen(a)}>
                        {awaitsCheckIn ? 'Check in…' : 'Details'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
