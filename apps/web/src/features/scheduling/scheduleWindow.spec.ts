import { DateTime } from 'luxon';
import { scheduleWindow } from './scheduleWindow';

// luxon (which the calendar itself uses) is the reference: the window is what luxon's startOf('day' | 'week') gives.
const luxonWindow = (date: Date, timeZone: string, unit: 'day' | 'week') => {
  const local = DateTime.fromJSDate(date).setZone(timeZone);
  return { from: local.startOf(unit).toISO(), to: local.plus(unit === 'week' ? { weeks: 1 } : { days: 1 }).startOf(unit).toISO() };
};
const iso = (window: { from: Date; to: Date }, timeZone: string) => ({
  from: DateTime.fromJSDate(window.from).setZone(timeZone).toISO(),
  to: DateTime.fromJSDate(window.to).setZone(timeZone).toISO(),
});

describe('the schedule window', () => {
  const cases: [string, string][] = [
    ['2026-03-08T15:00:00Z', 'America/New_York'], // spring forward: a 23-hour day
    ['2026-11-01T04:30:00Z', 'America/New_York'], // fall back, just after midnight local
    ['2026-03-29T00:30:00Z', 'Europe/London'],
    ['2026-10-25T23:59:00Z', 'Australia/Sydney'],
    ['2026-07-15T12:00:00Z', 'Asia/Kolkata'],
    ['2026-12-31T23:30:00Z', 'Pacific/Auckland'],
  ];
  it.each(cases)('for %s in %s is the day and the Monday week luxon gives', (instant, timeZone) => {
    for (const unit of ['day', 'week'] as const) {
      expect(iso(scheduleWindow(new Date(instant), timeZone, unit), timeZone)).toEqual(luxonWindow(new Date(instant), timeZone, unit));
    }
  });

  it('is 23 hours long on the day New York springs forward', () => {
    const { from, to } = scheduleWindow(new Date('2026-03-08T15:00:00Z'), 'America/New_York', 'day');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(23);
  });
});
