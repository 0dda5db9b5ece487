import { Button, Checkbox, Group, Loader, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useState } from 'react';
import { dayText, timeText, whenText } from '@web/features/scheduling/appointmentWords';
import { useAppointmentLifecycle, useRescheduleStarts } from '@web/features/scheduling/hooks/useAppointmentLifecycle';
import type { Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { RefusalAlert } from './RefusalAlert';

interface RescheduleDialogProps {
  appointment: Appointment;
  opened: boolean;
  onClose: () => void;
  onRescheduled: (moved: Appointment) => void;
}

/** Free starts grouped as people plan a day, by the location's clock. */
const PARTS_OF_DAY = [
  { label: 'Morning', contains: (hour: number) => hour < 12 },
  { label: 'Afternoon', contains: (hour: number) => hour >= 12 && hour < 17 },
  { label: 'Evening', contains: (hour: number) => hour >= 17 },
];

/** The location's calendar day (YYYY-MM-DD) as the ISO instants of its start and end. */
export function dayWindow(day: string, timeZone: string): { from: string; to: string; key: string } | undefined {
  const start = DateTime.fromISO(day, { zone: timeZone });
  if (!start.isValid) return undefined;
  return { from: start.startOf('day').toUTC().toISO() as string, to: start.endOf('day').toUTC().toISO() as string, key: day };
}

/**
 * Move an appointment to a free start found by the same engine as booking (/api/availability): the same service at
 * the same location, with the same practitioner unless "Other practitioners too" is ticked; the appointment's own
 * time counts as free. The patient gets the new time by message.
 */
export function RescheduleDialog({ appointment, opened, onClose, onRescheduled }: RescheduleDialogProps) {
  const { reschedule } = useAppointmentLifecycle();
  const zone = appointment.timeZone;
  const initialDay = DateTime.fromISO(appointment.startsAt).setZone(zone).toISODate() as string;
  const [day, setDay] = useState(initialDay);
  const [anyPractitioner, setAnyPractitioner] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setDay(DateTime.fromISO(appointment.startsAt).setZone(zone).toISODate() as string);
      setAnyPractitioner(false);
      setChoice(null);
      reschedule.reset();
    }
  }, [opened, appointment.id]);

  const range = useMemo(() => dayWindow(day, zone), [day, zone]);
  const starts = useRescheduleStarts({ appointment, practitionerId: anyPractitioner ? undefined : appointment.practitionerId, day: opened ? range : undefined });
  const names = new Map((starts.data?.practitioners ?? []).map((p) => [p.id, p.name]));
  const rooms = new Map((starts.data?.rooms ?? []).map((r) => [r.id, r.name]));
  const slots = (starts.data?.slots ?? []).filter((s) => !(s.startsAt === appointment.startsAt && s.practitionerId === appointment.practitionerId));
  const key = (s: { startsAt: string; practitionerId: string }) => `${s.startsAt}|${s.practitionerId}`;
  const chosen = slots.find((s) => key(s) === choice);
  // One room for every start: say it once rather than under each time.
  const onlyRoom = new Set(slots.map((s) => s.roomId)).size === 1 ? rooms.get(slots[0].roomId) : undefined;
  const detail = (s: (typeof slots)[number]) => [anyPractitioner ? names.get(s.practitionerId) : undefined, onlyRoom ? undefined : rooms.get(s.roomId)].filter(Boolean).join(' · ');
  const shift = (days: number) => {
    setChoice(null);
    setDay(DateTime.fromISO(day, { zone }).plus({ days }).toISODate() as string);
  };
  const submit = () => {
    if (!chosen) return;
    reschedule.mutate({ id: appointment.id, startsAt: chosen.startsAt, practitionerId: chosen.practitionerId, roomId: chosen.roomId }, { onSuccess: (a) => onRescheduled(a) });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Reschedule appointment" size="lg">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{appointment.patientName}</Text>
          <Text size="sm">
            {appointment.serviceName} · now {whenText(appointment.startsAt, zone)} with {appointment.practitionerName}
          </Text>
        </div>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => shift(-1)} aria-label="Previous day">
            ‹
          </Button>
          <TextInput type="date" label="Day" value={day} onChange={(e) => (setChoice(null), setDay(e.currentTarget.value))} w={180} />
          <Button variant="default" onClick={() => shift(1)} aria-label="Next day">
            ›
          </Button>
          <Checkbox
            label="Other practitioners too"
            checked={anyPractitioner}
            onChange={(e) => (setChoice(null), setAnyPractitioner(e.currentTarget.checked))}
            ml="sm"
            mb={8}
          />
        </Group>
        {range && (
          <Text size="sm" c="dimmed">
            Free starts on {dayText(range.from, zone)} ({zone}){onlyRoom ? `, all in ${onlyRoom}` : ''}
          </Text>
        )}
        {starts.isFetching && !starts.data && <Loader size="sm" aria-label="Finding free starts" />}
        {starts.isError && <RefusalAlert title="Free starts could not be found" error={starts.error} />}
        {starts.data && slots.length === 0 && (
          <Text size="sm">No free start this day{anyPractitioner ? '' : ` with ${appointment.practitionerName}`}. Try another day{anyPractitioner ? '' : ' or other practitioners'}.</Text>
        )}
        {slots.length > 0 && (
          <Radio.Group value={choice} onChange={setChoice} label="New start" name="reschedule-start">
            <Stack gap="xs" mt={4}>
              {PARTS_OF_DAY.map((part) => {
                const inPart = slots.filter((s) => part.contains(DateTime.fromISO(s.startsAt).setZone(zone).hour));
                if (inPart.length === 0) return null;
                return (
                  <div key={part.label}>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                      {part.label}
                    </Text>
                    <SimpleGrid cols={{ base: 3, xs: 4, sm: detail(inPart[0]) ? 4 : 5 }} spacing={6} verticalSpacing={6}>
                      {inPart.map((s) => (
                        <Radio.Card key={key(s)} value={key(s)} px={8} py={4} radius="sm" withBorder>
                          <Group gap={6} wrap="nowrap">
                            <Radio.Indicator size="xs" />
                            <div>
                              <Text size="sm" fw={600} className="tabular" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
                                {timeText(s.startsAt, zone)}
                              </Text>
                              {detail(s) && (
                                <Text size="xs" c="dimmed" lh={1.2}>
                                  {detail(s)}
                                </Text>
                              )}
                            </div>
                          </Group>
                        </Radio.Card>
                      ))}
                    </SimpleGrid>
                  </div>
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {chosen && (
          <Text size="sm">
            Moves to <strong>{whenText(chosen.startsAt, zone)}</strong> with {names.get(chosen.practitionerId)} in {rooms.get(chosen.roomId)}.{' '}
            {appointment.patientName.split(' ')[0]} gets the new time by message; the old time is offered to the waitlist.
          </Text>
        )}
        {reschedule.isError && <RefusalAlert title="Not moved" error={reschedule.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep current time
          </Button>
          <Button onClick={submit} disabled={!chosen} loading={reschedule.isPending}>
            Reschedule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
