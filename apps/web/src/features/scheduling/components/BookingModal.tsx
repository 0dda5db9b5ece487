import { Alert, Button, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { serviceCredentialViolation } from '@skinledger/domain';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useState } from 'react';
import { useFreeStarts } from '@web/features/scheduling/hooks/useFreeStarts';
import { useAppointmentMutations } from '@web/features/scheduling/hooks/useSchedule';
import { useScheduleView, type SchedulePractitioner } from '@web/features/scheduling/hooks/useScheduleView';
import { useServices, type Service } from '@web/features/scheduling/hooks/useServices';
import { NewPatientInline } from './NewPatientInline';
import { PatientPicker, type PickedPatient } from './PatientPicker';
import { problemText } from './problemText';
import { formatInstant, formatTimeRange } from '@web/lib/time/formatInstant';
import { spell } from '@web/lib/words/clinicWords';

/** Where the dialog starts: a clicked slot (start, maybe a practitioner's column), a day, or a patient's profile. */
export interface BookingDraft {
  /** The clicked start: its day is offered, and it is chosen when it is free. */
  startsAt?: Date;
  /** The day to offer (the location's calendar date, YYYY-MM-DD) when no start was clicked. */
  date?: string;
  practitionerId?: string;
  patient?: PickedPatient;
}

const ANY = 'any';
const slotKey = (s: { startsAt: string; practitionerId: string }) => `${s.startsAt}|${s.practitionerId}`;

/**
 * Book an appointment: patient (found, or created here), practitioner, service, day, a free start and a free room.
 * Services are only those the practitioner's licence allows on that day (the rule the API applies,
 * serviceCredentialViolation of libs/domain); starts come from /api/availability, so each has the practitioner and
 * at least one room free for the treatment and its buffer, and the rooms offered are those free then. Refusals are
 * shown as the API words them.
 */
export function BookingModal({ draft, locationId, timeZone, onClose }: { draft: BookingDraft | null; locationId: string; timeZone: string; onClose: () => void }) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Book appointment" size="lg" closeOnClickOutside={false}>
      {draft && <BookingForm key={JSON.stringify(draft)} draft={draft} locationId={locationId} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}

function BookingForm({ draft, locationId, timeZone, onClose }: { draft: BookingDraft; locationId: string; timeZone: string; onClose: () => void }) {
  const [q, setQ] = useState('');
  // What was last typed in the search (the field clears itself when it loses focus): the new patient's name.
  const [typed, setTyped] = useState('');
  const [patient, setPatient] = useState<PickedPatient | null>(draft.patient ?? null);
  const [creating, setCreating] = useState(false);
  const [practitionerId, setPractitionerId] = useState<string>(draft.practitionerId ?? ANY);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [date, setDate] = useState<string>(() => draft.date ?? (draft.startsAt ? (DateTime.fromJSDate(draft.startsAt).setZone(timeZone).toISODate() as string) : (DateTime.now().setZone(timeZone).toISODate() as string)));
  const [chosenSlot, setChosenSlot] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const { book } = useAppointmentMutations();
  const services = useServices();

  const day = useMemo(() => {
    const local = DateTime.fromISO(date, { zone: timeZone });
    return local.isValid ? { from: local.startOf('day').toJSDate(), to: local.plus({ days: 1 }).startOf('day').toJSDate() } : undefined;
  }, [date, timeZone]);
  const schedule = useScheduleView(locationId, day?.from, day?.to);
  const working = (schedule.data?.practitioners ?? []).filter((p) => p.isActive && p.working.length > 0);
  const chosen: SchedulePractitioner | undefined = schedule.data?.practitioners.find((p) => p.id === practitionerId);
  const allowed = (s: Service, p: SchedulePractitioner) => serviceCredentialViolation(s.procedureKind, p.credentials, date) === null;

  const active = (services.data ?? []).filter((s) => s.isActive);
  const offered = chosen ? active.filter((s) => allowed(s, chosen)) : active.filter((s) => working.length === 0 || working.some((p) => allowed(s, p)));
  const notOffered = chosen ? active.filter((s) => !allowed(s, chosen)) : [];
  const service = offered.find((s) => s.id === serviceId) ?? null;

  // A clicked start already past (a walk-in recorded after it began) is offered if it is free; otherwise from now on.
  const clicked = draft.startsAt?.toISOString();
  const [openedAt] = useState(() => Date.now());
  const pastClick = clicked && Date.parse(clicked) < openedAt ? clicked : undefined;
  const free = useFreeStarts({
    serviceId: service?.id ?? null,
    locationId,
    practitionerId: practitionerId === ANY ? undefined : practitionerId,
    day: day && { from: day.from.toISOString(), to: day.to.toISOString() },
    notBefore: pastClick,
  });
  const slots = free.data?.slots ?? [];
  const slot = slots.find((s) => slotKey(s) === chosenSlot) ?? null;
  const names = new Map((schedule.data?.practitioners ?? []).map((p) => [p.id, p.name]));
  const roomNames = new Map((schedule.data?.rooms ?? []).map((r) => [r.id, r.name]));
  const clock = (iso: string) => formatInstant(iso, timeZone, 'time');
  const dayLabel = day ? formatInstant(day.from.toISOString(), timeZone, 'date') : '';

  // A clicked start is chosen when it is free (with the clicked practitioner, or anyone); otherwise the person picks.
  useEffect(() => {
    if (!free.data || chosenSlot || !clicked) return;
    const match = free.data.slots.find((s) => s.startsAt === clicked && (practitionerId === ANY || s.practitionerId === practitionerId));
    if (match) setChosenSlot(slotKey(match));
  }, [free.data, chosenSlot, clicked, practitionerId]);
  // The first free room of the chosen start.
  useEffect(() => {
    if (slot && (!roomId || !slot.roomIds.includes(roomId))) setRoomId(slot.roomIds[0] ?? null);
    if (!slot && roomId) setRoomId(null);
  }, [slot, roomId]);

  const clickedIsFree = !clicked || slots.some((s) => s.startsAt === clicked);
  const startLabel = (s: { startsAt: string; practitionerId: string }) =>
    `${clock(s.startsAt)}${practitionerId === ANY ? ` · ${names.get(s.practitionerId) ?? ''}` : ''}${Date.parse(s.startsAt) < openedAt ? ' (already past)' : ''}`;
  const startOptions = slots.map((s) => ({ value: slotKey(s), label: startLabel(s) }));
  const practitionerOptions = [
    { value: ANY, label: 'Any practitioner' },
    ...working.map((p) => ({
      value: p.id,
      label: service && !allowed(service, p) ? `${p.name} (licence does not allow ${service.name})` : p.name,
      disabled: Boolean(service && !allowed(service, p)),
    })),
    ...(chosen && !working.some((p) => p.id === chosen.id) ? [{ value: chosen.id, label: `${chosen.name} (not working this day)`, disabled: false }] : []),
  ];
  const startDescription = !service
    ? 'Choose a service to see the free starts'
    : free.isPending
      ? 'Looking for free starts…'
      : slots.length === 0
        ? `No free start on ${dayLabel} for this service: try another day${practitionerId === ANY ? '' : ' or practitioner'}`
        : `${slots.length} free start${slots.length === 1 ? '' : 's'}, each with a free room`;

  const resetSlot = () => {
    setChosenSlot(null);
    setRoomId(null);
    book.reset();
  };
  const submit = () => {
    if (!patient || !service || !slot || !roomId) return;
    book.mutate(
      { patientId: patient.id, serviceId: service.id, roomId, locationId, practitionerId: slot.practitionerId, startsAt: slot.startsAt },
      { onSuccess: onClose },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Times at this location ({timeZone}).
      </Text>
      {creating ? (
        <NewPatientInline
          initialName={typed}
          onCancel={() => setCreating(false)}
          onCreated={(p) => {
            setPatient(p);
            setQ('');
            setCreating(false);
          }}
        />
      ) : (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <PatientPicker
              search={q}
              onSearchChange={(text) => {
                setQ(text);
                if (text && text !== patient?.label) setTyped(text);
              }}
              value={patient?.id ?? null}
              known={patient}
              onChange={(id, label) => setPatient(id ? { id, label: label ?? '' } : null)}
              placeholder="Type a name or MRN"
            />
          </div>
          <Button variant="light" onClick={() => setCreating(true)}>
            New patient
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Practitioner"
          data={practitionerOptions}
          value={practitionerId}
          onChange={(v) => {
            setPractitionerId(v ?? ANY);
            resetSlot();
          }}
          allowDeselect={false}
          description={working.length === 0 && schedule.data ? 'Nobody works at this location that day' : 'Those working at this location that day'}
        />
        <TextInput
          label="Day"
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.currentTarget.value);
            resetSlot();
          }}
        />
      </SimpleGrid>
      <Select
        label="Service"
        data={offered.map((s) => ({ value: s.id, label: `${s.name} · ${s.durationMin} min` }))}
        value={service?.id ?? null}
        onChange={(v) => {
          setServiceId(v);
          resetSlot();
        }}
        allowDeselect={false}
        description={
          notOffered.length > 0 && chosen
            ? spell(`Not offered: ${notOffered.map((s) => s.name).join(', ')} (${chosen.name}'s licence does not allow ${notOffered.length === 1 ? 'it' : 'them'} on this day)`)
            : undefined
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Start"
          data={startOptions}
          value={slot ? chosenSlot : null}
          onChange={(v) => {
            setChosenSlot(v);
            book.reset();
          }}
          allowDeselect={false}
          disabled={!service}
          description={startDescription}
          searchable
          nothingFoundMessage="No such free start"
        />
        <Select
          label="Room"
          data={(slot?.roomIds ?? []).map((id) => ({ value: id, label: roomNames.get(id) ?? 'Room' }))}
          value={roomId}
          onChange={setRoomId}
          allowDeselect={false}
          disabled={!slot}
          description={slot ? 'Rooms free at that time' : 'Choose a start first'}
        />
      </SimpleGrid>
      {service && free.data && !clickedIsFree && !slot && clicked && (
        <Text size="sm" c="orange.9" role="status">
          {clock(clicked)} is not free for {service.name}
          {chosen ? ` with ${chosen.name}` : ''}: pick one of the free starts.
        </Text>
      )}
      {slot && (
        <Text size="sm" role="status">
          {service?.name} on {dayLabel}, {formatTimeRange(slot.startsAt, slot.endsAt, timeZone)} with {names.get(slot.practitionerId)}
          {roomId ? ` in ${roomNames.get(roomId)}` : ''}.
        </Text>
      )}
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
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={book.isPending} disabled={!patient || !service || !slot || !roomId || creating}>
          Book
        </Button>
      </Group>
    </Stack>
  );
}
