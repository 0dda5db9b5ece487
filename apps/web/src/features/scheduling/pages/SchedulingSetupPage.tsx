import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Schemas } from '@skinledger/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { PageHeader } from '@web/components/PageHeader';
import { api } from '@web/lib/api/apiClient';
import { request, requestNoContent } from '@web/lib/api/request';
import { useSelectedLocation } from '@web/entities/location';
import { problemText } from '@web/features/scheduling/components/problemText';
import { usePractitioners, useRooms, useServices } from '@web/features/scheduling/hooks/useSchedule';

const KINDS = [
  { value: 'consultation', label: 'Consultation' },
  { value: 'cosmetic_needling', label: 'Cosmetic needling (< 0.5 mm)' },
  { value: 'medical_needling', label: 'Medical needling (≥ 0.5 mm)' },
  { value: 'follow_up', label: 'Follow-up' },
];
const CONSENTS = ['cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Owner/admin set-up of the book: services, rooms at the selected location, practitioners' weekly hours and time off. */
export function SchedulingSetupPage() {
  useDocumentTitle('Schedule set-up · SkinLedger');
  return (
    <>
      <PageHeader title="Schedule set-up" description="Services, rooms and practitioners' working hours." />
      <Tabs defaultValue="services" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="services">Services</Tabs.Tab>
          <Tabs.Tab value="rooms">Rooms</Tabs.Tab>
          <Tabs.Tab value="hours">Working hours</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services">
          <ServicesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rooms">
          <RoomsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="hours">
          <HoursPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ServicesPanel() {
  const services = useServices();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Schemas['CreateServiceDto']>({ name: '', durationMin: 60, bufferMin: 15, procedureKind: 'medical_needling', consentKinds: ['medical_needling'], minDaysSincePreviousMedical: 28 });
  const create = useMutation({
    mutationFn: () => request(api.POST('/api/services', { body: draft })),
    onSuccess: () => {
      setDraft({ ...draft, name: '' });
      return client.invalidateQueries({ queryKey: ['schedule'] });
    },
  });
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
                <Table.Td>{KINDS.find((k) => k.value === s.procedureKind)?.label}</Table.Td>
                <Table.Td>{s.durationMin} min</Table.Td>
                <Table.Td>{s.bufferMin} min</Table.Td>
                <Table.Td>{s.consentKinds.map((k) => k.replace(/_/g, ' ')).join(', ') || '—'}</Table.Td>
                <Table.Td>{s.procedureKind === 'medical_needling' ? `${s.minDaysSincePreviousMedical} days` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper p="sm">
        <Title order={3} size="h5" mb="xs">
          Add service
        </Title>
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          <Select label="Kind" data={KINDS} value={draft.procedureKind} allowDeselect={false} onChange={(v) => setDraft({ ...draft, procedureKind: v as typeof draft.procedureKind })} />
          <MultiSelect label="Consents required" data={CONSENTS.map((c) => ({ value: c, label: c.replace(/_/g, ' ') }))} value={draft.consentKinds} onChange={(v) => setDraft({ ...draft, consentKinds: v })} />
          <NumberInput label="Duration (min)" min={5} max={480} value={draft.durationMin} onChange={(v) => setDraft({ ...draft, durationMin: Number(v) })} />
          <NumberInput label="Buffer after (min)" min={0} max={240} value={draft.bufferMin} onChange={(v) => setDraft({ ...draft, bufferMin: Number(v) })} />
          <NumberInput label="Days since previous medical session" min={0} max={365} value={draft.minDaysSincePreviousMedical} onChange={(v) => setDraft({ ...draft, minDaysSincePreviousMedical: Number(v) })} />
        </SimpleGrid>
        {create.isError && <Alert color="red" mt="sm">{problemText(create.error).join(' ')}</Alert>}
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!draft.name.trim()}>
            Add service
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function RoomsPanel() {
  const { location } = useSelectedLocation();
  const rooms = useRooms(location?.id);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => request(api.POST('/api/rooms', { body: { locationId: location?.id as string, name } })),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: ['schedule'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (room: Schemas['RoomDto']) => request(api.PATCH('/api/rooms/{id}', { params: { path: { id: room.id } }, body: { isActive: !room.isActive } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['schedule'] }),
  });
  return (
    <Paper p="sm">
      <Text size="sm" c="dimmed" mb="xs">
        Rooms at {location?.name}
      </Text>
      <Table aria-label="Rooms">
        <Table.Tbody>
          {(rooms.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Checkbox label="In use" checked={r.isActive} onChange={() => toggle.mutate(r)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" align="flex-end">
        <TextInput label="New room" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={() => create.mutate()} disabled={!name.trim() || !location} loading={create.isPending}>
          Add room
        </Button>
      </Group>
      {create.isError && <Alert color="red" mt="sm">{problemText(create.error).join(' ')}</Alert>}
    </Paper>
  );
}

type Day = { on: boolean; startsAt: string; endsAt: string };

function HoursPanel() {
  const { location, timeZone } = useSelectedLocation();
  const practitioners = usePractitioners();
  const client = useQueryClient();
  const [staffId, setStaffId] = useState<string | null>(null);
  const hours = useQuery({
    queryKey: ['schedule', 'hours', staffId],
    enabled: Boolean(staffId),
    queryFn: () => request(api.GET('/api/staff/{id}/working-hours', { params: { path: { id: staffId as string } } })),
  });
  const [days, setDays] = useState<Day[]>(() => WEEKDAYS.map(() => ({ on: false, startsAt: '09:00', endsAt: '17:00' })));
  useEffect(() => {
    if (!hours.data || !location) return;
    setDays(
      WEEKDAYS.map((_, i) => {
        const block = hours.data.blocks.find((b) => b.locationId === location.id && b.weekday === i + 1);
        return block ? { on: true, startsAt: block.startsAt, endsAt: block.endsAt } : { on: false, startsAt: '09:00', endsAt: '17:00' };
      }),
    );
  }, [hours.data, location]);
  const save = useMutation({
    mutationFn: () =>
      request(
        api.PUT('/api/staff/{id}/working-hours', {
          params: { path: { id: staffId as string } },
          body: { locationId: location?.id as string, blocks: days.flatMap((d, i) => (d.on ? [{ weekday: i + 1, startsAt: d.startsAt, endsAt: d.endsAt }] : [])) },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['schedule'] }),
  });
  const [off, setOff] = useState({ from: '', to: '', reason: '' });
  const addOff = useMutation({
    mutationFn: () =>
      request(
        api.POST('/api/staff/{id}/time-off', {
          params: { path: { id: staffId as string } },
          // Whole days on the location's calendar, not the browser's.
          body: {
            kind: 'time_off',
            startsAt: DateTime.fromISO(off.from, { zone: timeZone }).startOf('day').toUTC().toISO() as string,
            endsAt: DateTime.fromISO(off.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toUTC().toISO() as string,
            reason: off.reason,
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['schedule', 'hours', staffId] }),
  });
  return (
    <Paper p="sm">
      <Select label="Practitioner" data={(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={staffId} onChange={setStaffId} w={320} />
      {staffId && (
        <Stack mt="md" gap="xs">
          <Text size="sm" c="dimmed">
            Weekly hours at {location?.name}, wall-clock time in {timeZone} (kept across daylight-saving changes)
          </Text>
          {days.map((d, i) => (
            <Group key={WEEKDAYS[i]} gap="sm">
              <Checkbox w={70} label={WEEKDAYS[i]} checked={d.on} onChange={(e) => setDays(days.map((x, k) => (k === i ? { ...x, on: e.currentTarget.checked } : x)))} />
              <TextInput type="time" aria-label={`${WEEKDAYS[i]} from`} value={d.startsAt} disabled={!d.on} onChange={(e) => setDays(days.map((x, k) => (k === i ? { ...x, startsAt: e.currentTarget.value } : x)))} />
              <TextInput type="time" aria-label={`${WEEKDAYS[i]} to`} value={d.endsAt} disabled={!d.on} onChange={(e) => setDays(days.map((x, k) => (k === i ? { ...x, endsAt: e.currentTarget.value } : x)))} />
            </Group>
          ))}
          {save.isError && <Alert color="red">{problemText(save.error).join(' ')}</Alert>}
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              Save hours
            </Button>
            {save.isSuccess && <Text size="sm" c="green">Saved</Text>}
          </Group>
          <Title order={3} size="h5" mt="md">
            Time off
          </Title>
          {(hours.data?.exceptions ?? []).map((e) => (
            <Text size="sm" key={e.id}>
              {e.kind === 'time_off' ? 'Off' : 'Extra hours'}: {new Date(e.startsAt).toLocaleString('en-US', { timeZone, hourCycle: 'h23' })} – {new Date(e.endsAt).toLocaleString('en-US', { timeZone, hourCycle: 'h23' })} {e.reason && `· ${e.reason}`}
            </Text>
          ))}
          <Group align="flex-end">
            <TextInput type="date" label="From" value={off.from} onChange={(e) => setOff({ ...off, from: e.currentTarget.value })} />
            <TextInput type="date" label="To" value={off.to} onChange={(e) => setOff({ ...off, to: e.currentTarget.value })} />
            <TextInput label="Reason" value={off.reason} onChange={(e) => setOff({ ...off, reason: e.currentTarget.value })} />
            <Button variant="light" onClick={() => addOff.mutate()} disabled={!off.from || !off.to} loading={addOff.isPending}>
              Add time off
            </Button>
          </Group>
          {addOff.isError && <Alert color="red">{problemText(addOff.error).join(' ')}</Alert>}
          <CalendarFeed staffId={staffId} />
        </Stack>
      )}
    </Paper>
  );
}

/** The practitioner's secret iCalendar URL for a phone calendar: shown once when created; a new one revokes the old. */
function CalendarFeed({ staffId }: { staffId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const rotate = useMutation({
    mutationFn: () => request(api.POST('/api/staff/{id}/calendar-feed', { params: { path: { id: staffId } } })),
    onSuccess: (feed) => setUrl(`${window.location.origin}${feed.path}`),
  });
  const revoke = useMutation({
    mutationFn: () => requestNoContent(api.DELETE('/api/staff/{id}/calendar-feed', { params: { path: { id: staffId } } })),
    onSuccess: () => setUrl(null),
  });
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        Phone calendar
      </Title>
      <Text size="sm" c="dimmed">
        A secret link to this practitioner's appointments (service and patient initials only). Anyone with the link can read it; make a new one to cut off the old.
      </Text>
      {url && <TextInput readOnly label="Calendar link (shown once)" value={url} onFocus={(e) => e.currentTarget.select()} />}
      <Group>
        <Button variant="light" onClick={() => rotate.mutate()} loading={rotate.isPending}>
          New calendar link
        </Button>
        <Button variant="subtle" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
          Revoke link
        </Button>
        {revoke.isSuccess && <Text size="sm">Revoked</Text>}
      </Group>
    </Stack>
  );
}
