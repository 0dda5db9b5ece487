import { Paper, Stack, Table } from '@mantine/core';
import { consentKindLabel } from '@web/lib/words/clinicWords';
import { useServices } from '@web/features/scheduling/hooks/useServices';
import { SERVICE_KIND_LABELS } from '@web/features/scheduling/schedulingVocabulary';
import { AddServiceForm } from './AddServiceForm';

/** What can be booked: every service (inactive ones dimmed), and a form to add one. */
export function ServicesPanel() {
  const services = useServices();
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <AddServiceForm />
    </Stack>
  );
}
