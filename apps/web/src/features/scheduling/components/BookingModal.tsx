import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../lib/api/apiClient';
import { request } from '../../../lib/api/request';
import { useAppointmentMutations, useRooms, useServices } from '../hooks/useSchedule';
import { problemText } from './problemText';

export interface BookingDraft {
  startsAt: Date;
  practitionerId: string;
  practitionerName: string;
}

/** Book an appointment at the clicked time: patient search, service, room. Refusals are shown as the API words them. */
export function BookingModal({ draft, locationId, timeZone, onClose }: { draft: BookingDraft | null; locationId: string; timeZone: string; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const services = useServices();
  const rooms = useRooms(locationId);
  const { book } = useAppointmentMutations();
  const patients = useQuery({
    queryKey: ['schedule', 'patient-search', debounced],
    enabled: debounced.length >= 2,
    queryFn: () => request(api.GET('/api/patients', { params: { query: { q: debounced, page: 1, pageSize: 10 } } })),
  });
  const when = draft ? new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(draft.startsAt) : '';

  const close = () => {
    book.reset();
    setPatientId(null);
    setQ('');
    onClose();
  };
  const submit = () => {
    if (!draft || !patientId || !serviceId || !roomId) return;
    book.mutate(
      { patientId, serviceId, roomId, locationId, practitionerId: draft.practitionerId, startsAt: draft.startsAt.toISOString() },
      { onSuccess: close },
    );
  };

  return (
    <Modal opened={draft !== null} onClose={close} title="Book appointment" size="md">
      <Stack gap="sm">
        <Text size="sm">
          {when} · {draft?.practitionerName} <Text span c="dimmed">({timeZone})</Text>
        </Text>
        <Select
          label="Patient"
          searchable
          placeholder="Type a name or MRN"
          searchValue={q}
          onSearchChange={setQ}
          data={(patients.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} · ${p.mrn}` }))}
          value={patientId}
          onChange={setPatientId}
          nothingFoundMessage={debounced.length >= 2 ? 'No patient found' : 'Type at least 2 letters'}
          filter={({ options }) => options}
        />
        <Select label="Service" data={(services.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: `${s.name} · ${s.durationMin} min` }))} value={serviceId} onChange={setServiceId} />
        <Select label="Room" data={(rooms.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.name }))} value={roomId} onChange={setRoomId} />
        {book.isError && (
          <Alert color="red" title="Not booked" role="alert">
            <List size="sm">
              {problemText(book.error).map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} loading={book.isPending} disabled={!patientId || !serviceId || !roomId}>
            Book
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
