import { Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { TablePager } from '@web/components/TablePager';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { fullName, usePatient } from '@web/entities/patient';
import { timeText, whenText } from '@web/features/scheduling/appointmentWords';
import { type AppointmentScope, usePatientAppointments } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import { useWaitlist } from '@web/features/scheduling/hooks/useWaitlist';
import { AddToWaitlistDialog } from './AddToWaitlistDialog';
import { AppointmentLifecycleActions } from './AppointmentLifecycleActions';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { RefusalAlert } from './RefusalAlert';
import { WaitlistEntriesTable } from './WaitlistEntriesTable';

const PAGE_SIZE = 10;

/**
 * The patient's Appointments tab: upcoming (soonest first) or past and cancelled (latest first), each in its
 * location's zone with status, service, practitioner and room; confirm, reschedule, cancel and no-show from the row;
 * and the patient's waitlist entries. Every role that sees the patient sees it; reading it is audited.
 */
export function PatientAppointmentsPanel({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  const patientName = patient.data ? fullName(patient.data) : '';
  const [scope, setScope] = useState<AppointmentScope>('upcoming');
  const [page, setPage] = useState(1);
  const appointments = usePatientAppointments(patientId, scope, page, PAGE_SIZE);
  const canSeeWaitlist = usePermission('waitlist.read');
  const canManageWaitlist = usePermission('waitlist.manage');
  const waitlist = useWaitlist({ patientId, openOnly: false }, canSeeWaitlist);
  const { location, timeZone } = useSelectedLocation();
  const [adding, setAdding] = useState(false);
  const data = appointments.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const first = data && data.total > 0 ? (page - 1) * PAGE_SIZE + 1 : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label="Which appointments"
          value={scope}
          onChange={(value) => (setScope(value as AppointmentScope), setPage(1))}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past and cancelled' },
          ]}
        />
      </Group>
      {appointments.isError && <RefusalAlert title="Appointments could not be loaded" error={appointments.error} />}
      {appointments.isPending && <Loader size="sm" aria-label="Loading appointments" />}
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {scope === 'upcoming' ? 'No upcoming appointments.' : 'No past or cancelled appointments.'}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <div>
          <Table.ScrollContainer minWidth={460}>
            <Table aria-label={scope === 'upcoming' ? 'Upcoming appointments' : 'Past and cancelled appointments'} verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Service and practitioner</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" className="tabular">
                        {whenText(a.startsAt, a.timeZone)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        until {timeText(a.endsAt, a.timeZone)}
                        {a.timeZone !== timeZone ? ` (${a.timeZone})` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.serviceName}</Text>
                      <Text size="xs" c="dimmed">
                        {a.practitionerName} · {a.roomName}
                      </Text>
                      {a.status === 'cancelled' && a.cancelReason && (
                        <Text size="xs" c="dimmed">
                          Reason: {a.cancelReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <AppointmentStatusBadge appointment={a} />
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <AppointmentLifecycleActions appointment={a} compact />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager
            summary={
              data.total <= PAGE_SIZE
                ? `${data.total} ${scope === 'upcoming' ? 'upcoming' : 'past or cancelled'} appointment${data.total === 1 ? '' : 's'}`
                : `${first}–${first + data.items.length - 1} of ${data.total} ${scope === 'upcoming' ? 'upcoming' : 'past or cancelled'}`
            }
            page={page}
            pages={pages}
            onPageChange={setPage}
            label="Appointment pages"
          />
        </div>
      )}
      {canSeeWaitlist && (
        <Stack gap="xs" component="section" aria-labelledby="patient-waitlist-heading">
          <Group justify="space-between">
            <Title order={3} size="h5" id="patient-waitlist-heading">
              Waitlist
            </Title>
            {canManageWaitlist && location && (
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
                Add to waitlist
              </Button>
            )}
          </Group>
          {(waitlist.data?.items.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed">
              Not on the waitlist.
            </Text>
          ) : (
            <WaitlistEntriesTable entries={waitlist.data?.items ?? []} showPatient={false} label={`${patientName}'s waitlist entries`} />
          )}
        </Stack>
      )}
      {location && (
        <AddToWaitlistDialog opened={adding} onClose={() => setAdding(false)} locationId={location.id} timeZone={timeZone} patient={{ id: patientId, name: patientName }} />
      )}
    </Stack>
  );
}
