import { Alert, Button, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSelectedLocation } from '@web/entities/location';
import { useSaveWorkingHours, type WorkingHours } from '@web/features/scheduling/hooks/useWorkingHours';
import { WEEKDAYS } from '@web/features/scheduling/schedulingVocabulary';
import { daysOff, weeklyBlocks, workingDaysAt, type WorkingDay } from '@web/features/scheduling/weeklyHours';
import { problemText } from './problemText';

/** The practitioner's week at the selected location, in its wall-clock time; saving replaces the whole week there. */
export function WeeklyHoursForm({ staffId, hours }: { staffId: string; hours: WorkingHours | undefined }) {
  const { location, timeZone } = useSelectedLocation();
  const [days, setDays] = useState<WorkingDay[]>(daysOff);
  useEffect(() => {
    if (!hours || !location) return;
    setDays(workingDaysAt(hours.blocks, location.id));
  }, [hours, location]);
  const save = useSaveWorkingHours(staffId);
  const change = (index: number, edit: Partial<WorkingDay>) => setDays(days.map((day, k) => (k === index ? { ...day, ...edit } : day)));
  return (
    <>
      <Text size="sm" c="dimmed">
        Weekly hours at {location?.name}, wall-clock time in {timeZone} (kept across daylight-saving changes)
      </Text>
      {days.map((d, i) => (
        <Group key={WEEKDAYS[i]} gap="sm">
          <Checkbox w={70} label={WEEKDAYS[i]} checked={d.on} onChange={(e) => change(i, { on: e.currentTarget.checked })} />
          <TextInput type="time" aria-label={`${WEEKDAYS[i]} from`} value={d.startsAt} disabled={!d.on} onChange={(e) => change(i, { startsAt: e.currentTarget.value })} />
          <TextInput type="time" aria-label={`${WEEKDAYS[i]} to`} value={d.endsAt} disabled={!d.on} onChange={(e) => change(i, { endsAt: e.currentTarget.value })} />
        </Group>
      ))}
      {save.isError && <Alert color="red">{problemText(save.error).join(' ')}</Alert>}
      <Group>
        <Button onClick={() => save.mutate({ locationId: location?.id as string, blocks: weeklyBlocks(days) })} loading={save.isPending}>
          Save hours
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="green">
            Saved
          </Text>
        )}
      </Group>
    </>
  );
}
