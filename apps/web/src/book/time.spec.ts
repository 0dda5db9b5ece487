import { dayKey, formatAppointment, formatDay, formatTime, isPastCalendarDate, slotsByDay } from './time';

describe('booking page times', () => {
  it('puts a start on the location’s calendar day, not the browser’s', () => {
    // 03:30 UTC is still the evening before in New York, and already morning in Sydney.
    expect(dayKey('2026-12-10T03:30:00Z', 'America/New_York')).toBe('2026-12-09');
    expect(dayKey('2026-12-10T03:30:00Z', 'Australia/Sydney')).toBe('2026-12-10');
  });

  it('groups free starts by day, once per start, in order', () => {
    const slots = [
      { startsAt: '2026-12-10T15:00:00Z', practitionerId: 'b' },
      { startsAt: '2026-12-10T14:00:00Z', practitionerId: 'a' },
      { startsAt: '2026-12-10T14:00:00Z', practitionerId: 'b' },
      { startsAt: '2026-12-11T14:00:00Z', practitionerId: 'a' },
    ];
    expect(slotsByDay(slots, 'America/New_York')).toEqual([
      { day: '2026-12-10', slots: [slots[1], slots[0]] },
      { day: '2026-12-11', slots: [slots[3]] },
    ]);
  });

  it('shows times and days in the location’s zone, in the browser’s language', () => {
    expect(formatTime('2026-12-10T14:00:00Z', 'America/New_York', 'en-US')).toBe('9:00 AM');
    expect(formatTime('2026-12-10T14:00:00Z', 'Europe/London', 'en-GB')).toBe('14:00');
    expect(formatDay('2026-12-10', 'en-GB')).toBe('Thursday 10 December');
    expect(formatAppointment('2026-12-10T14:00:00Z', '2026-12-10T14:30:00Z', 'America/New_York', 'en-US')).toMatch(/Thursday, December 10, 2026.*9:00.*9:30.*AM EST/);
  });

  it('takes a date of birth only as a real past day', () => {
    expect(isPastCalendarDate('1990-04-02', '2026-12-07')).toBe(true);
    expect(isPastCalendarDate('1990-02-30', '2026-12-07')).toBe(false);
    expect(isPastCalendarDate('2027-01-01', '2026-12-07')).toBe(false);
    expect(isPastCalendarDate('02/04/1990', '2026-12-07')).toBe(false);
  });
});
