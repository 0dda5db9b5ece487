import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '@web/components/PageHeader';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { useSelectedLocation } from '@web/entities/location';
import { problemText } from '@web/features/scheduling/components/problemText';
import { usePractitioners, useServices } from '@web/features/scheduling/hooks/useSchedule';

type Plan = Schemas['TreatmentPlanDto'];

/**
 * Course planner (domain.md section 3: e.g. 3 medical sessions 4 weeks apart): proposes the nearest free slot to each
 * session's target date, then books the whole course at once — or nothing, naming the session that failed.
 */
export function CoursePlannerPage() {
  useDocumentTitle('Course planner · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const services = useServices();
  const practitioners = usePractitioners();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const patients = useQuery({
    queryKey: ['schedule', 'patient-search', debounced],
    enabled: debounced.length >= 2,
    queryFn: () => request(api.GET('/api/patients', { params: { query: { q: debounced, page: 1, pageSize: 10 } } })),
  });
  const [patientId, setPatientId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [sessions, setSessions] = useState(3);
  const [intervalWeeks, setIntervalWeeks] = useState(4);
  const [startOn, setStartOn] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const propose = useMutation({
    mutationFn: () =>
      request(
        api.POST('/api/treatment-plans', {
          body: { patientId: patientId as string, serviceId: serviceId as string, locationId: location?.id as string, sessions, intervalWeeks, startOn, ...(practitionerId ? { practitionerId } : {}) },
        }),
      ),
    onSuccess: setPlan,
  });
  const book = useMutation({
    mutationFn: (id: string) => request(api.POST('/api/treatment-plans/{id}/book', { params: { path: { id } } })),
    onSuccess: (booked) => {
      setPlan(booked);
      return client.invalidateQueries({ queryKey: ['schedule'] });
    },
  });
  const when = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', dateStyle: undefined, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)) : 'No free slot within a week';

  return (
    <>
      <PageHeader title="Course planner" description={`Plan a course of sessions at ${location?.name ?? '…'} (${timeZone}).`} />
      <Stack>
        <Paper p="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select
              label="Patient"
              searchable
              searchValue={q}
              onSearchChange={setQ}
              data={(patients.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} · ${p.mrn}` }))}
              value={patientId}
              onChange={setPatientId}
              allowDeselect={false}
              filter={({ options }) => options}
              nothingFoundMessage={debounced.length >= 2 ? 'No patient found' : 'Type at least 2 letters'}
            />
            <Select label="Service" data={(services.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name }))} value={serviceId} onChange={setServiceId} allowDeselect={false} />
            <Select label="Practitioner (optional)" clearable data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={practitionerId} onChange={setPractitionerId} />
            <TextInput type="date" label="First session on" value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} />
            <NumberInput label="Sessions" min={1} max={12} value={sessions} onChange={(v) => setSessions(Number(v))} />
            <NumberInput label="Weeks apart" min={1} max={52} value={intervalWeeks} onChange={(v) => setIntervalWeeks(Number(v))} />
          </SimpleGrid>
          {propose.isError && <Alert color="red" mt="sm">{problemText(propose.error).join(' ')}</Alert>}
          <Group justify="flex-end" mt="sm">
            <Button onClick={() => propose.mutate()} loading={propose.isPending} disabled={!patientId || !serviceId || !startOn || !location}>
              Propose slots
            </Button>
          </Group>
        </Paper>
        {plan && (
          <Paper p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>
                {plan.serviceName}: {plan.sessions} sessions, {plan.intervalWeeks} weeks apart
              </Text>
              <Group gap="xs">
                <Badge variant="light">{plan.status}</Badge>
                <Badge variant="outline">
                  {plan.progress.completed} of {plan.progress.total} completed
                </Badge>
              </Group>
            </Group>
            <Table aria-label="Course sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Session</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Slot</Table.Th>
                  <Table.Th>Practitioner</Table.Th>
                  <Table.Th>Room</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.sessionList.map((s) => (
                  <Table.Tr key={s.sessionNumber}>
                    <Table.Td>
                      {s.sessionNumber} of {plan.sessions}
                    </Table.Td>
                    <Table.Td>{s.targetOn}</Table.Td>
                    <Table.Td c={s.proposedStartsAt ? undefined : 'red'}>{when(s.proposedStartsAt)}</Table.Td>
                    <Table.Td>{s.practitionerName ?? '—'}</Table.Td>
                    <Table.Td>{s.roomName ?? '—'}</Table.Td>
                    <Table.Td>{s.appointmentStatus?.replace('_', ' ') ?? 'proposed'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {book.isError && (
              <Alert color="red" mt="sm" title="Course not booked (nothing was booked)">
                {problemText(book.error).join(' ')}
              </Alert>
            )}
            {plan.status === 'proposed' && (
              <Group justify="flex-end" mt="sm">
                <Button onClick={() => book.mutate(plan.id)} loading={book.isPending}>
                  Book all sessions
                </Button>
              </Group>
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}
