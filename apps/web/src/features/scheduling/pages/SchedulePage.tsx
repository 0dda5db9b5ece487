import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { DateTime, Settings } from 'luxon';
import { useMemo, useState } from 'react';
import { Calendar, luxonLocalizer, Views, type View } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import './calendar.css';
import { PageHeader } from '@web/components/PageHeader';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { CalendarColumnHeader } from '@web/features/scheduling/components/CalendarColumnHeader';
import { AppointmentDrawer } from '@web/features/scheduling/components/AppointmentDrawer';
import { BookingModal, type BookingDraft } from '@web/features/scheduling/components/BookingModal';
import { problemText } from '@web/features/scheduling/components/problemText';
import { TodaysAppointments } from '@web/features/scheduling/components/TodaysAppointments';
import { usePractitioners } from '@web/features/scheduling/hooks/usePractitioners';
import { useRooms } from '@web/features/scheduling/hooks/useRooms';
import { useAppointmentMutations, useAppointments, type Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { useLinkedAppointment } from '@web/features/scheduling/hooks/useLinkedAppointment';

interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
}

const CALENDAR_COMPONENTS = { header: CalendarColumnHeader };
const DnDCalendar = withDragAndDrop<CalendarEvent, { id: string; title: string }>(Calendar);
// Shade 7 of the theme's palettes: white event text reads at 4.5:1 or more on each.
const KIND_COLOURS: Record<string, string> = {
  medical_needling: 'var(--mantine-color-violet-7)',
  cosmetic_needling: 'var(--mantine-color-blue-7)',
  consultation: 'var(--mantine-color-teal-7)',
  follow_up: 'var(--mantine-color-yellow-7)',
};

/**
 * The clinic's book: day view with one column per practitioner, week view, click an empty slot to book, drag to
 * move (the API's 409/422 shown plainly), and today's list for the front desk. Times are in the selected
 * location's IANA zone (luxon's default zone), not the browser's.
 */
export function SchedulePage() {
  useDocumentTitle('Schedule · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const canBook = usePermission('schedule.book');
  Settings.defaultZone = timeZone;
  const localizer = useMemo(() => luxonLocalizer(DateTime, { firstDayOfWeek: 1 }), [timeZone]);
  const [view, setView] = useState<View>(Views.DAY);
  const [columns, setColumns] = useState<'practitioner' | 'room'>('practitioner');
  const [date, setDate] = useState(() => new Date());
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selected, setSelected] = useState<Appointment | null>(null);
  // The signing kiosk returns to /schedule?appointment=<id>: the drawer opens on that visit again.
  const linked = useLinkedAppointment();
  const { move } = useAppointmentMutations();

  const range = useMemo(() => {
    const d = DateTime.fromJSDate(date).setZone(timeZone);
    const unit = view === Views.WEEK ? 'week' : 'day';
    return { from: d.startOf(unit).toJSDate(), to: d.endOf(unit).toJSDate() };
  }, [date, view, timeZone]);
  const appointments = useAppointments(location?.id, range.from, range.to);
  const practitioners = usePractitioners();
  const rooms = useRooms(location?.id);
  const byRoom = columns === 'room';
  const resources = byRoom
    ? (rooms.data ?? []).filter((r) => r.isActive).map((r) => ({ id: r.id, title: r.name }))
    : (practitioners.data ?? []).map((p) => ({ id: p.id, title: p.name }));
  const events: CalendarEvent[] = (appointments.data ?? [])
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({ id: a.id, title: view === Views.WEEK ? a.patientName : `${a.patientName} · ${a.serviceName}`, start: new Date(a.startsAt), end: new Date(a.endsAt), resourceId: byRoom ? a.roomId : a.practitionerId, appointment: a }));
  const today = (appointments.data ?? []).filter((a) => DateTime.fromISO(a.startsAt).setZone(timeZone).hasSame(DateTime.now().setZone(timeZone), 'day'));

  const onMove = ({ event, start, resourceId }: EventInteractionArgs<CalendarEvent>) => {
    const reassigned = resourceId && resourceId !== event.resourceId ? { [byRoom ? 'roomId' : 'practitionerId']: String(resourceId) } : {};
    move.mutate({ id: event.id, body: { startsAt: new Date(start).toISOString(), ...reassigned } });
  };

  return (
    <>
      <PageHeader title="Schedule" description={`Appointments at ${location?.name ?? '…'}, shown in ${timeZone}.`} />
      <Stack gap="md">
        {move.isError && (
          <Alert color="red" title="Not moved" withCloseButton onClose={() => move.reset()} role="alert">
            {problemText(move.error).join(' ')}
          </Alert>
        )}
        <Paper p="sm">
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setDate(new Date())}>
                Today
              </Button>
              <Button variant="default" size="xs" px={8} aria-label={view === Views.WEEK ? 'Previous week' : 'Previous day'} onClick={() => setDate(DateTime.fromJSDate(date).minus({ days: view === Views.WEEK ? 7 : 1 }).toJSDate())}>
                <IconChevronLeft size={16} aria-hidden />
              </Button>
              <Button variant="default" size="xs" px={8} aria-label={view === Views.WEEK ? 'Next week' : 'Next day'} onClick={() => setDate(DateTime.fromJSDate(date).plus({ days: view === Views.WEEK ? 7 : 1 }).toJSDate())}>
                <IconChevronRight size={16} aria-hidden />
              </Button>
              <Text fw={600}>{DateTime.fromJSDate(date).setZone(timeZone).toFormat(view === Views.WEEK ? "'Week of' d LLL yyyy" : 'cccc d LLL yyyy')}</Text>
            </Group>
            <Group gap="xs">
            {view === Views.DAY && (
              <SegmentedControl
                size="xs"
                aria-label="Columns"
                value={columns}
                onChange={(v) => setColumns(v as 'practitioner' | 'room')}
                data={[
                  { value: 'practitioner', label: 'Practitioners' },
                  { value: 'room', label: 'Rooms' },
                ]}
              />
            )}
            <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as View)} data={[{ value: Views.DAY, label: 'Day' }, { value: Views.WEEK, label: 'Week' }]} />
            </Group>
          </Group>
          <div style={{ height: 640 }} data-testid="calendar">
            <DnDCalendar
              localizer={localizer}
              events={events}
              view={view}
              onView={setView}
              date={date}
              onNavigate={setDate}
              toolbar={false}
              components={CALENDAR_COMPONENTS}
              views={[Views.DAY, Views.WEEK]}
              step={15}
              timeslots={4}
              min={DateTime.now().setZone(timeZone).set({ hour: 7, minute: 0, second: 0, millisecond: 0 }).toJSDate()}
              max={DateTime.now().setZone(timeZone).set({ hour: 20, minute: 0, second: 0, millisecond: 0 }).toJSDate()}
              resources={view === Views.DAY ? resources : undefined}
              resourceIdAccessor="id"
              resourceTitleAccessor="title"
              // Booking starts from a practitioner's column (or the week view); room columns show and move room use.
              selectable={canBook && !(byRoom && view === Views.DAY)}
              onSelectSlot={(slot) => {
                const p = resources.find((r) => r.id === slot.resourceId) ?? resources[0];
                if (p) setDraft({ startsAt: new Date(slot.start), practitionerId: p.id, practitionerName: p.title });
              }}
              onSelectEvent={(e) => setSelected(e.appointment)}
              draggableAccessor={() => canBook}
              onEventDrop={onMove}
              resizable={false}
              formats={{
                timeGutterFormat: 'HH:mm',
                eventTimeRangeFormat: ({ start, end }) => `${DateTime.fromJSDate(start).toFormat('HH:mm')}–${DateTime.fromJSDate(end).toFormat('HH:mm')}`,
                dayFormat: 'ccc d LLL',
              }}
              eventPropGetter={(e) => ({
                style: {
                  background: KIND_COLOURS[e.appointment.procedureKind] ?? 'var(--mantine-color-slate-7)',
                  opacity: e.appointment.status === 'no_show' ? 0.45 : 1,
                  borderLeft: e.appointment.status === 'checked_in' || e.appointment.status === 'in_treatment' ? '4px solid var(--mantine-color-green-8)' : undefined,
                },
              })}
            />
          </div>
        </Paper>
        <TodaysAppointments appointments={today} timeZone={timeZone} onOpen={setSelected} />
      </Stack>
      {location && <BookingModal draft={draft} locationId={location.id} timeZone={timeZone} onClose={() => setDraft(null)} />}
      <AppointmentDrawer
        appointment={selected ?? linked.appointment}
        onClose={() => {
          setSelected(null);
          linked.clear();
        }}
      />
    </>
  );
}
