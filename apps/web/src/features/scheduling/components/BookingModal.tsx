import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useFreeStarts } from '@web/features/scheduling/hooks/useFreeStarts';
import { useRooms } from '@web/features/scheduling/hooks/useRooms';
import { useAppointmentMutations } from '@web/features/scheduling/hooks/useSchedule';
import { useServices } from '@web/features/scheduling/hooks/useServices';
import { PatientPicker } from './PatientPicker';
import { problemText } from './problemText';
import { formatInstant } from '@web/lib/time/formatInstant';

export interface BookingDraft {
  startsAt: Date;
  practitionerId: string;
  practitionerName: string;
}

/** Book an appointment at the clicked time: patient search, service, room. Refusals are shown as the API words them. */
export function BookingModal({ draft, locationId, timeZone, onClose }: { draft: BookingDraft | null; locationId: string; timeZone: string; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const services = useServices();
  const rooms = useRooms(locationId);
  const { book } = useAppointmentMutations();
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const chosenStart = startsAt ?? draft?.startsAt.toISOString() ?? null;
  // Free starts that day for this practitioner and service.
  const day = draft ? dayWindow(draft.startsAt, timeZone) : undefined;
  const free = useFreeStarts({ serviceId, locationId, practitionerId: draft?.practitionerId, day });
  const time = (iso: string) => formatInstant(iso, timeZone, 'time');
  const freeStarts = [...new Set((free.data?.slots ?? []).map((s) => s.startsAt))];
  const clickedIsFree = !serviceId || !free.data || freeStarts.includes(draft?.startsAt.toISOString() ?? '');
  const startOptions = [...new Set([...(draft ? [draft.startsAt.toISOString()] : []), ...freeStarts])].sort().map((iso) => ({
    value: iso,
    label: `${time(iso)}${freeStarts.includes(iso) || !free.data ? '' : ' (not free)'}`,
  }));
  const when = draft ? formatInstant(draft.startsAt.toISOString(), timeZone, 'date') : '';

  const close = () => {
    book.reset();
    setPatientId(null);
    setServiceId(null);
    setRoomId(null);
    setStartsAt(null);
    setQ('');
    onClose();
  };
  const submit = () => {
    if (!draft || !patientId || !serviceId || !roomId || !chosenStart) return;
    book.mutate(
      { patientId, serviceId, roomId, locationId, practitionerId: draft.practitionerId, startsAt: chosenStart },
      { onSuccess: close },
    );
  };

  return (
    <Modal opened={draft !== null} onClose={close} title="Book appointment" size="md">
      <Stack gap="sm">
        <Text size="sm">
          {when} · {draft?.practitionerName} <Text span c="dimmed">({timeZone})</Text>
        </Text>
        <PatientPicker search={q} onSearchChange={setQ} value={patientId} onChange={setPatientId} placeholder="Type a name or MRN" />
        <Select label="Service" data={(services.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: `${s.name} · ${s.durationMin} min` }))} value={serviceId} onChange={setServiceId} allowDeselect={false} />
        <Select label="Start" data={startOptions} value={chosenStart} onChange={setStartsAt} allowDeselect={false} description={free.data ? `${freeStarts.length} free starts this day` : 'Choose a service to see free times'} />
        {serviceId && free.data && !clickedIsFree && !startsAt && (
          <Text size="sm" c="orange">
            The time you clicked is not free for this service; pick a free start or try anyway.
          </Text>
        )}
        <Select label="Room" data={(rooms.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.name }))} value={roomId} onChange={setRoomId} allowDeselect={false} />
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

/** The location's calendar day around an instant, as ISO instants. */
function dayWindow(instant: Date, timeZone: string): { from: string; to: string } {
  const local = DateTime.fromJSDate(instant).setZone(timeZone);
  return { from: local.startOf('day').toUTC().toISO() as string, to: local.endOf('day').toUTC().toISO() as string };
}
