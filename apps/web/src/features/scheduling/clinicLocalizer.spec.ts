import { DateTime, Settings } from 'luxon';
import { luxonLocalizer } from 'react-big-calendar';
// The calendar's own slot arithmetic, so the test checks what the day view draws and what a click selects.
import { getSlotMetrics } from 'react-big-calendar/lib/utils/TimeSlots';
import { clinicLocalizer } from './clinicLocalizer';

const ZONE = 'America/New_York';
const clock = (date: Date) => DateTime.fromJSDate(date).setZone(ZONE).toFormat('HH:mm');

/** The day view's grid from 07:00 to 20:00 on a clinic date, as SchedulePage lays it out (15-minute steps, 4 a row). */
function dayGrid(localizer: ReturnType<typeof clinicLocalizer>, isoDate: string) {
  const day = DateTime.fromISO(isoDate, { zone: ZONE });
  const min = localizer.merge(day.toJSDate(), day.set({ hour: 7 }).toJSDate()) as Date;
  const max = localizer.merge(day.toJSDate(), day.set({ hour: 20 }).toJSDate()) as Date;
  return getSlotMetrics({ min, max, step: 15, timeslots: 4, localizer });
}

describe('clinicLocalizer: the day grid on daylight-saving days', () => {
  const before = Settings.defaultZone;
  beforeAll(() => (Settings.defaultZone = ZONE));
  afterAll(() => (Settings.defaultZone = before));

  it.each([
    ['an ordinary Monday', '2026-11-02'],
    ['the autumn change (25 hours)', '2026-11-01'],
    ['the spring change (23 hours)', '2027-03-14'],
  ])('starts at 07:00 and puts 10:00 in the fourth hour row on %s', (_, isoDate) => {
    const grid = dayGrid(clinicLocalizer(), isoDate);
    expect(clock(grid.groups[0][0])).toBe('07:00');
    expect(clock(grid.groups[3][0])).toBe('10:00');
    expect(clock(grid.groups.at(-1)![3])).toBe('19:45');
    // An appointment 10:00–11:00 sits exactly on the 10:00 row (3 of 13 hours from the top).
    const tenToEleven = grid.getRange(DateTime.fromISO(`${isoDate}T10:00`, { zone: ZONE }).toJSDate(), DateTime.fromISO(`${isoDate}T11:00`, { zone: ZONE }).toJSDate());
    expect(tenToEleven.top).toBeCloseTo((3 / 13) * 100, 5);
    expect(tenToEleven.height).toBeCloseTo((1 / 13) * 100, 5);
  });

  it('fixes what the library localizer gets wrong on those days (so this file is not testing nothing)', () => {
    expect(clock(dayGrid(luxonLocalizer(DateTime, { firstDayOfWeek: 1 }), '2026-11-01').groups[0][0])).toBe('08:00');
    expect(clock(dayGrid(luxonLocalizer(DateTime, { firstDayOfWeek: 1 }), '2027-03-14').groups[0][0])).toBe('06:00');
  });
});
