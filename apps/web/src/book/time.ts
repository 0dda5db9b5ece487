/**
 * Times on the booking pages, always in the location's IANA time zone (house rule: display in the location's zone),
 * in the patient's browser language, through Intl alone (no date library in this small bundle).
 */

const keyFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant at the location, "YYYY-MM-DD". */
export function dayKey(instant: string | number | Date, timeZone: string): string {
  let format = keyFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    keyFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

export interface SlotLike {
  startsAt: string;
  practitionerId: string;
}

/** The free starts grouped by the location's day, in order; one entry per start (several practitioners: the first). */
export function slotsByDay<T extends SlotLike>(slots: readonly T[], timeZone: string): { day: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    if (seen.has(slot.startsAt)) continue;
    seen.add(slot.startsAt);
    const day = dayKey(slot.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

/** "14:30" / "2:30 PM" at the location. */
export function formatTime(instant: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/** "Thursday 10 December" / "Thursday, December 10" for a "YYYY-MM-DD" day (noon UTC: the same date everywhere). */
export function formatDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${day}T12:00:00Z`));
}

/** Short, for a day button: "Thu 10 Dec" / "Thu, Dec 10". */
export function formatShortDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`));
}

/** The whole appointment at the location, with its zone's name: "Thursday, December 10, 2026, 9:00 – 9:30 AM EST". */
export function formatAppointment(startsAt: string, endsAt: string, timeZone: string, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A date of birth typed as YYYY-MM-DD (the date input's value) that is a real day in the past. */
export function isPastCalendarDate(value: string, today: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value < today && Number(match[1]) >= 1900;
}
