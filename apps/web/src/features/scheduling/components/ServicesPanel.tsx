import { Paper, Select, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OnlineBookingMode } from '@skinledger/domain';
import { consentKindLabel } from '@web/lib/words/clinicWords';
import { useServices, useUpdateService } from '@web/features/scheduling/hooks/useServices';
import { ONLINE_BOOKING_OPTIONS, SERVICE_KIND_LABELS } from '@web/features/scheduling/schedulingVocabulary';
import { AddServiceForm } from './AddServiceForm';
import { problemText } from './problemText';

/** What can be booked: every service (inactive ones dimmed), and a form to add one. */
export function ServicesPanel() {
  const services = useServices();
  const update = useUpdateService();
  const setOnline = (id: string, name: string, onlineBooking: OnlineBookingMode) =>
    update.mutate(
      { id, onlineBooking },
      { onError: (error) => notifications.show({ color: 'red', title: `${name}: not saved`, message: problemText(error).join(' ') }) },
    );
  return (
    <Stack>
      <Paper p="sm">
        <Table aria-label="Services">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Buffer</Table.Th>
              <Table.Th>Consents required</Table.Th>
              <Table.Th>Days since medical</Table.Th>
              <Table.Th>Online booking</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(services.data ?? []).map((s) => (
              <Table.Tr key={s.id} c={s.isActive ? undefined : 'dimmed'}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{SERVICE_KIND_LABELS[s.procedureKind]}</Table.Td>
                <Table.Td>{s.durationMin} min</Table.Td>
                <Table.Td>{s.bufferMin} min</Table.Td>
                <Table.Td>{s.consentKinds.map(consentKindLabel).join(', ') || '—'}</Table.Td>
                <Table.Td>{s.procedureKind === 'medical_needling' ? `${s.minDaysBetweenMedicalSessions} days` : '—'}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Online booking of ${s.name}`}
                    size="xs"
                    w={210}
                    data={ONLINE_BOOKING_OPTIONS}
                    value={s.onlineBooking}
                    allowDeselect={false}
                    onChange={(v) => v && v !== s.onlineBooking && setOnline(s.id, s.name, v as OnlineBookingMode)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <AddServiceForm />
    </Stack>
  );
}
