import type { AppointmentStatus } from '@skinledger/domain';
import { clinicLocale } from '@web/lib/time/clinicFormat';

/** Appointment statuses as the front desk says them. */
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  in_treatment: 'In treatment',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** The dot's colour beside a status (the text stays the body colour, readable on any background). */
export const APPOINTMENT_STATUS_COLORS: Record<AppointmentStatus, string> = {
  booked: 'blue',
  confirmed: 'clinic',
  checked_in: 'green',
  in_treatment: 'grape',
  completed: 'gray',
  cancelled: 'red',
  no_show: 'orange',
};

const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'when' | 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  // The clinic's English decides order and clock (en-US 10:30 AM, en-GB 10:30), not the browser's.
  const key = `${clinicLocale()}|${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { timeZone, hour: 'numeric', minute: '2-digit' }
        : kind === 'day'
          ? { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }
          : { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' };
    f = new Intl.DateTimeFormat(clinicLocale(), options);
    formats.set(key, f);
  }
  return f;
}

/** "Thu, Dec 3, 2026, 10:30 AM" in the location's zone (the clinic's English decides the order and clock). */
export function whenText(instant: string, timeZone: string): string {
  return format('when', timeZone).format(new Date(instant));
}

/** "Thursday, December 3, 2026" in the location's zone. */
export function dayText(instant: string, timeZone: string): string {
  return format('day', timeZone).format(new Date(instant));
}

/** "10:30 AM" in the location's zone. */
export function timeText(instant: string, timeZone: string): string {
  return format('time', timeZone).format(new Date(instant));
}

/** "10:30 AM – 11:30 AM" in the location's zone. */
export function timeRangeText(start: string, end: string, timeZone: string): string {
  return `${timeText(start, timeZone)} – ${timeText(end, timeZone)}`;
}

/** Whole hours and minutes between two instants, for "in 5 h 30 min". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
