import { Alert, Button, Group, Text, TextInput, Title } from '@mantine/core';
import type { Schemas } from '@skinledger/api-client';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useSelectedLocation } from '@web/entities/location';
import { useAddTimeOff } from '@web/features/scheduling/hooks/useWorkingHours';
import { problemText } from './problemText';
import { formatInstant } from '@web/lib/time/formatInstant';

/** Whole days on the location's calendar, not the browser's: from the start of the first to the end of the last. */
function wholeDays(from: string, to: string, timeZone: string): { startsAt: string; endsAt: string } {
  return {
    startsAt: DateTime.fromISO(from, { zone: timeZone }).startOf('day').toUTC().toISO() as string,
    endsAt: DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toUTC().toISO() as string,
  };
}

/** Time off and extra hours already recorded, and whole days off to add. */
export function TimeOffSection({ staffId, exceptions }: { staffId: string; exceptions: readonly Schemas['HoursExceptionDto'][] }) {
  const { timeZone } = useSelectedLocation();
  const [off, setOff] = useState({ from: '', to: '', reason: '' });
  const addOff = useAddTimeOff(staffId);
  const when = (iso: string) => formatInstant(iso, timeZone);
  return (
    <>
      <Title order={3} size="h5" mt="md">
        Time off
      </Title>
      {exceptions.map((e) => (
        <Text size="sm" key={e.id}>
          {e.kind === 'time_off' ? 'Off' : 'Extra hours'}: {when(e.startsAt)} – {when(e.endsAt)} {e.reason && `· ${e.reason}`}
        </Text>
      ))}
      <Group align="flex-end">
        <TextInput type="date" label="From" value={off.from} onChange={(e) => setOff({ ...off, from: e.currentTarget.value })} />
        <TextInput type="date" label="To" value={off.to} onChange={(e) => setOff({ ...off, to: e.currentTarget.value })} />
        <TextInput label="Reason" value={off.reason} onChange={(e) => setOff({ ...off, reason: e.currentTarget.value })} />
        <Button
          variant="light"
          onClick={() => addOff.mutate({ kind: 'time_off', ...wholeDays(off.from, off.to, timeZone), reason: off.reason })}
          disabled={!off.from || !off.to}
          loading={addOff.isPending}
        >
          Add time off
        </Button>
      </Group>
      {addOff.isError && <Alert color="red">{problemText(addOff.error).join(' ')}</Alert>}
    </>
  );
}
