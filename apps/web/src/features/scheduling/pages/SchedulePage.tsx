import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconWorld } from '@tabler/icons-react';
import { DateTime, Settings } from 'luxon';
import { useCallback, useEffect, useMemo, useState, type ComponentProps } from 'react';
import { Calendar, Views, type View } from 'react-big-calendar';
import type { EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { Link } from 'react-router';
import './calendar.css';
import { PageHeader } from '@web/components/PageHeader';
import { usePermission } from '@web/entities/current-user';
import { useSelectedLocation } from '@web/entities/location';
import { CalendarColumnHeader } from '@web/features/scheduling/components/CalendarColumnHeader';
import { columnShading, dayShading, hoursSummary } from '@web/features/scheduling/calendarShading';
import { heldBlocks } from '@web/features/scheduling/calendarHolds';
import { scheduleWindow } from '@web/features/scheduling/scheduleWindow';
import { clinicLocalizer } from '@web/features/scheduling/clinicLocalizer';
import type { BookingDraft } from '@web/features/scheduling/components/BookingModal';
import { CalendarEventContent, type CalendarEvent } from '@web/features/scheduling/components/CalendarEvent';
import { AvailabilityColumn, ShadingContext, type ShadeColumn } from '@web/features/scheduling/components/CalendarLayers';
import { problemText } from '@web/features/scheduling/components/problemText';
import { TodaysAppointments } from '@web/features/scheduling/components/TodaysAppointments';
import { type DragAndDropCalendar, useDragAndDrop } from '@web/features/scheduling/hooks/useDragAndDrop';
import { useLinkedAppointment } from '@web/features/scheduling/hooks/useLinkedAppointment';
import { useScheduleView } from '@web/features/scheduling/hooks/useScheduleView';
import { useAppointmentMutations, type Appointment } from '@web/features/scheduling/hooks/useSchedule';
import { lazyNamed, useWantedOnce } from '@web/lib/lazy/lazyNamed';
import { formatDayHeading, formatDayShort, formatInstant, formatTimeRange } from '@web/lib/time/formatInstant';

// Opened by a click: their code (check-in readiness, the medical history form, the patient search) is fetched a moment
// after the schedule is on screen, or at the click if that comes first; the calendar's first paint does without it.
const AppointmentDrawer = lazyNamed(() => import('@web/features/scheduling/components/AppointmentDrawer'), 'AppointmentDrawer');
const BookingModal = lazyNamed(() => import('@web/features/scheduling/components/BookingModal'), 'BookingModal');
// Below the calendar: freed slots and the waitlist come in after it, with their own requests.
const WaitlistBoard = lazyNamed(() => import('@web/features/scheduling/components/WaitlistBoard'), 'WaitlistBoard');
const PRELOAD_AFTER_MS = 1500;

interface Column {
  id: string;
  title: string;
  /** The practitioner's bookable time that day, under the name. */
  hours?: string;
}

// Until the drag-and-drop addon is there (and for those who may not book): the same calendar without dragging.
function PlainCalendar(props: ComponentProps<DragAndDropCalendar<CalendarEvent, Column>>) {
  const { draggableAccessor, onEventDrop, resizable, ...calendar } = props;
  return <Calendar {...calendar} />;
}
// Shade 7 of the theme's palettes: white event text reads at 4.5:1 or more on each.
const KIND_COLOURS: Record<string, string> = {
  medical_needling: 'var(--mantine-color-violet-7)',
  cosmetic_needling: 'var(--mantine-color-blue-7)',
  consultation: 'var(--mantine-color-teal-7)',
  follow_up: 'var(--mantine-color-yellow-7)',
};

function ColumnHeader({ resource }: { resource: Column }) {
  return (
    <div className="sl-column-header">
      <span className="sl-column-name">{resource.title}</span>
      {resource.hours && <span className="sl-column-hours">{resource.hours}</span>}
    </div>
  );
}

/**
 * The clinic's book: the day with one column per practitioner working at the location (their hours shaded, time off
 * labelled), or the week with every day's closed time shaded and appointments side by side; click an empty slot or
 * use "New appointment" (keyboard) to book, drag to move (the API's 409/422 shown plainly), and today's list for the
 * front desk. Columns, hours and appointments come in one request, so the first paint already has the columns.
 * Times are in the selected location's IANA zone (luxon's default zone), not the browser's.
 */
export function SchedulePage() {
  useDocumentTitle('Schedule · SkinLedger');
  const { location, timeZone } = useSelectedLocation();
  const canBook = usePermission('schedule.book');
  const canSetUp = usePermission('schedule.manage');
  Settings.defaultZone = timeZone;
  const localizer = useMemo(() => clinicLocalizer(), [timeZone]);
  const [view, setView] = useState<View>(Views.DAY);
  const [columns, setColumns] = useState<'practitioner' | 'room'>('practitioner');
  const [date, setDate] = useState(() => new Date());
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selected, setSelected] = useState<Appointment | null>(null);
  // The signing kiosk returns to /schedule?appointment=<id>: the drawer opens on that visit again.
  const linked = useLinkedAppointment();
  const { move } = useAppointmentMutations();
  const week = view === Views.WEEK;
  const drawerAppointment = selected ?? linked.appointment;
  const drawerWanted = useWantedOnce(drawerAppointment !== null);
  const bookingWanted = useWantedOnce(draft !== null);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      void AppointmentDrawer.preload();
      void BookingModal.preload();
    }, PRELOAD_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const range = useMemo(() => scheduleWindow(date, timeZone, week ? 'week' : 'day'), [date, week, timeZone]);
  const schedule = useScheduleView(location?.id, range.from, range.to, { keepPrevious: true });
  // Dragging to move comes once the calendar is on screen (see useDragAndDrop).
  const dragAndDrop = useDragAndDrop<CalendarEvent, Column>(canBook && schedule.data !== undefined);
  const BookCalendar = dragAndDrop.calendar ?? PlainCalendar;
  // The clinic's time format (en-US 9:00 AM, en-GB 09:00), as everywhere else.
  const clock = useCallback((d: Date | number) => formatInstant(new Date(d).toISOString(), timeZone, 'time'), [timeZone]);

  const practitioners = useMemo(() => schedule.data?.practitioners ?? [], [schedule.data]);
  const appointments = useMemo(() => schedule.data?.appointments ?? [], [schedule.data]);
  const byRoom = columns === 'room';
  const dayOf = useCallback(
    (d: Date) => {
      const local = DateTime.fromJSDate(d).setZone(timeZone).startOf('day');
      return { start: local.toMillis(), end: local.plus({ days: 1 }).toMillis() };
    },
    [timeZone],
  );
  const resources: Column[] = byRoom
    ? (schedule.data?.rooms ?? []).filter((r) => r.isActive || appointments.some((a) => a.roomId === r.id)).map((r) => ({ id: r.id, title: r.name }))
    : practitioners.map((p) => ({ id: p.id, title: p.name, hours: hoursSummary(p, dayOf(date), clock) }));
  const events: CalendarEvent[] = appointments
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({ id: a.id, title: a.patientName, start: new Date(a.startsAt), end: new Date(a.endsAt), resourceId: byRoom ? a.roomId : a.practitionerId, appointment: a }));
  const now = DateTime.now().setZone(timeZone);
  const today = appointments.filter((a) => DateTime.fromISO(a.startsAt).setZone(timeZone).hasSame(now, 'day'));

  const holds = useMemo(() => schedule.data?.holds ?? [], [schedule.data]);
  const shade = useCallback<ShadeColumn>(
    (day, resourceId) => {
      const d = dayOf(day);
      const held = heldBlocks(holds, d, (h) => week || (byRoom ? h.roomId : h.practitionerId) === resourceId, clock);
      if (byRoom && !week) return { off: [], timeOff: [], held };
      if (week) return { ...dayShading(practitioners, d), held };
      const p = practitioners.find((x) => x.id === resourceId);
      return p ? { ...columnShading(p, d), held } : null;
    },
    [byRoom, week, practitioners, holds, dayOf, clock],
  );

  // Stable component types: a new one on every render would remount the events between a mouse press and its
  // release, and the click that opens an appointment would be lost.
  const components = useMemo(
    () => ({
      dayColumnWrapper: AvailabilityColumn as never,
      resourceHeader: ({ resource }: { resource: Column }) => <ColumnHeader resource={resource} />,
      header: CalendarColumnHeader,
      event: ({ event }: { event: CalendarEvent }) => <CalendarEventContent event={event} withService={!week} clock={clock} />,
    }),
    [week, clock],
  );

  const onMove = ({ event, start, resourceId }: EventInteractionArgs<CalendarEvent>) => {
    const reassigned = resourceId && resourceId !== event.resourceId ? { [byRoom ? 'roomId' : 'practitionerId']: String(resourceId) } : {};
    move.mutate({ id: event.id, body: { startsAt: new Date(start).toISOString(), ...reassigned } });
  };
  const step = (sign: 1 | -1) => setDate(DateTime.fromJSDate(date).plus({ days: sign * (week ? 7 : 1) }).toJSDate());
  const heading = week ? `Week of ${formatInstant(date.toISOString(), timeZone, 'date')}` : formatDayHeading(date.toISOString(), timeZone);
  const noColumns = schedule.data && !byRoom && !week && practitioners.length === 0;

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
          <Group justify="space-between" mb="xs" gap="xs">
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setDate(new Date())}>
                Today
              </Button>
              <Button variant="default" size="xs" px={8} aria-label={week ? 'Previous week' : 'Previous day'} onClick={() => step(-1)}>
                <IconChevronLeft size={16} aria-hidden />
              </Button>
              <Button variant="default" size="xs" px={8} aria-label={week ? 'Next week' : 'Next day'} onClick={() => step(1)}>
                <IconChevronRight size={16} aria-hidden />
              </Button>
              <Text fw={600} aria-live="polite">
                {heading}
              </Text>
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
              <SegmentedControl size="xs" aria-label="View" value={view} onChange={(v) => setView(v as View)} data={[{ value: Views.DAY, label: 'Day' }, { value: Views.WEEK, label: 'Week' }]} />
              {canBook && location && (
                <Button size="xs" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setDraft({ date: DateTime.fromJSDate(date).setZone(timeZone).toISODate() as string })}>
                  New appointment
                </Button>
              )}
            </Group>
          </Group>
          {!byRoom && (
            <Group gap="md" mb={6} className="sl-legend" role="group" aria-label="Legend">
              <span>
                <span className="sl-swatch sl-swatch-off" aria-hidden /> Not working
              </span>
              <span>
                <span className="sl-swatch sl-swatch-time-off" aria-hidden /> Time off
              </span>
              <span>
                <span className="sl-swatch sl-swatch-held" aria-hidden /> Held online
              </span>
              <span>
                <IconWorld size={13} aria-hidden className="sl-online-icon-legend" /> Booked online
              </span>
            </Group>
          )}
          {schedule.isError && (
            <Alert color="red" title="The schedule could not be loaded" role="alert">
              {problemText(schedule.error).join(' ')}
            </Alert>
          )}
          {!schedule.data && !schedule.isError && <Skeleton height={640} role="status" aria-busy="true" aria-label="Loading the schedule" />}
          {noColumns && (
            <Alert color="blue" title="Nobody works at this location yet">
              Practitioners appear here once they have working hours at {location?.name}.{' '}
              {canSetUp && (
                <Anchor component={Link} to="/scheduling-setup">
                  Set working hours
                </Anchor>
              )}
            </Alert>
          )}
          {schedule.data && !noColumns && (
            <ShadingContext.Provider value={shade}>
              <div style={{ height: 640 }} data-testid="calendar" className={week ? 'sl-calendar sl-calendar-week' : 'sl-calendar'} {...dragAndDrop.pressTracking}>
                <BookCalendar
                  localizer={localizer}
                  events={events}
                  view={view}
                  onView={setView}
                  date={date}
                  onNavigate={setDate}
                  toolbar={false}
                  views={[Views.DAY, Views.WEEK]}
                  step={15}
                  timeslots={4}
                  // Side by side lanes, never on top of each other.
                  dayLayoutAlgorithm="no-overlap"
                  min={DateTime.now().setZone(timeZone).set({ hour: 7, minute: 0, second: 0, millisecond: 0 }).toJSDate()}
                  max={DateTime.now().setZone(timeZone).set({ hour: 20, minute: 0, second: 0, millisecond: 0 }).toJSDate()}
                  resources={view === Views.DAY ? resources : undefined}
                  resourceIdAccessor="id"
                  resourceTitleAccessor="title"
                  tooltipAccessor={() => ''}
                  components={components}
                  // Booking starts from a practitioner's column (or the week view); room columns show and move room use.
                  selectable={canBook && !(byRoom && view === Views.DAY)}
                  onSelectSlot={(slot) => {
                    const p = view === Views.DAY ? resources.find((r) => r.id === slot.resourceId) : undefined;
                    setDraft({ startsAt: new Date(slot.start), practitionerId: p?.id });
                  }}
                  onSelectEvent={(e) => setSelected(e.appointment)}
                  onKeyPressEvent={(e, key) => {
                    const pressed = (key as unknown as KeyboardEvent).key;
                    if (pressed === 'Enter' || pressed === ' ') setSelected(e.appointment);
                  }}
                  draggableAccessor={() => canBook}
                  onEventDrop={onMove}
                  resizable={false}
                  formats={{
                    timeGutterFormat: (d: Date) => clock(d),
                    eventTimeRangeFormat: ({ start, end }) => formatTimeRange(start.toISOString(), end.toISOString(), timeZone),
                    dayFormat: (d: Date) => formatDayShort(d.toISOString(), timeZone),
                  }}
                  eventPropGetter={(e) => ({
                    style: {
                      background: KIND_COLOURS[e.appointment.procedureKind] ?? 'var(--mantine-color-slate-7)',
                      opacity: e.appointment.status === 'no_show' ? 0.55 : 1,
                      borderLeft: e.appointment.status === 'checked_in' || e.appointment.status === 'in_treatment' ? '4px solid var(--mantine-color-green-8)' : undefined,
                    },
                  })}
                />
              </div>
            </ShadingContext.Provider>
          )}
        </Paper>
        <TodaysAppointments appointments={today} timeZone={timeZone} onOpen={setSelected} />
        {location && <WaitlistBoard locationId={location.id} timeZone={timeZone} />}
      </Stack>
      {location && bookingWanted && <BookingModal draft={draft} locationId={location.id} timeZone={timeZone} onClose={() => setDraft(null)} />}
      {drawerWanted && (
        <AppointmentDrawer
          appointment={drawerAppointment}
          onClose={() => {
            setSelected(null);
            linked.clear();
          }}
        />
      )}
    </>
  );
}
