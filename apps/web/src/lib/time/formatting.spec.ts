import { ageOn } from './ageOn';
import { formatCalendarDate } from './formatCalendarDate';
import { formatInstant } from './formatInstant';

describe('age on a date', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('dates and times for reading', () => {
  it('shows a calendar date as that day, whatever the machine’s zone', () => {
    const shown = formatCalendarDate('2027-06-30');
    expect(shown).toContain('2027');
    expect(shown).toContain('30');
  });

  it('shows an instant on the wall clock of the clinic’s zone', () => {
    const instant = '2025-11-25T23:30:00.000Z';
    expect(formatInstant(instant, 'America/New_York', 'date')).toContain('25');
    expect(formatInstant(instant, 'Pacific/Auckland', 'date')).toContain('26');
    expect(formatInstant(instant, 'UTC', 'time')).toMatch(/11:30|23:30/);
    expect(formatInstant(instant, 'Asia/Kolkata', 'time')).toMatch(/05:00|5:00/);
  });
});
