import { minutesByLocalHour, minutesByWeekdayHour, monthLabel, monthsOfRange, weekdayHourAfter, weekdayHourKey, weekdayHourLabel } from './periods';

describe('months of a report range', () => {
  it('lists every calendar month the range touches, in order, across a year end', () => {
    expect(monthsOfRange('2025-11-15', '2026-02-01')).toEqual([
      { key: '2025-11', label: 'Nov 2025' },
      { key: '2025-12', label: 'Dec 2025' },
      { key: '2026-01', label: 'Jan 2026' },
      { key: '2026-02', label: 'Feb 2026' },
    ]);
  });

  it('gives one month for a range inside it, and none for a reversed range', () => {
    expect(monthsOfRange('2026-03-02', '2026-03-08')).toEqual([{ key: '2026-03', label: 'Mar 2026' }]);
    expect(monthsOfRange('2026-03-08', '2026-03-02')).toEqual([]);
  });

  it('covers three years in 37 months when the range starts and ends mid-month', () => {
    const months = monthsOfRange('2024-01-31', '2027-01-01');
    expect(months).toHaveLength(37);
    expect(months[36]).toEqual({ key: '2027-01', label: 'Jan 2027' });
    expect(monthLabel('2026-09')).toBe('Sep 2026');
  });
});

describe('weekday × hour cells', () => {
  it('keys and labels a cell', () => {
    expect(weekdayHourKey(1, 9)).toBe('1-09');
    expect(weekdayHourLabel('1-09')).toBe('Mon 09:00');
    expect(weekdayHourLabel('7-23')).toBe('Sun 23:00');
  });

  it('moves on by hours, Sunday night into Monday morning', () => {
    expect(weekdayHourAfter('1-09', 2)).toBe('1-11');
    expect(weekdayHourAfter('2-23', 1)).toBe('3-00');
    expect(weekdayHourAfter('7-23', 2)).toBe('1-01');
  });
});

describe('minutes by local hour', () => {
  const ny = 'America/New_York';
  const at = (iso: string) => Date.parse(iso);

  it('cuts a block at the wall clock’s hour boundaries', () => {
    expect(minutesByLocalHour(at('2026-03-02T08:30:00-05:00'), at('2026-03-02T10:15:00-05:00'), ny)).toEqual([
      { date: '2026-03-02', hour: 8, minutes: 30 },
      { date: '2026-03-02', hour: 9, minutes: 60 },
      { date: '2026-03-02', hour: 10, minutes: 15 },
    ]);
  });

  it('keeps local hours on the day clocks go forward (2026-03-08 in New York)', () => {
    // 01:00 EST to 04:00 EDT is two hours of real time: 02:00–03:00 never shows on the wall clock.
    expect(minutesByLocalHour(at('2026-03-08T01:00:00-05:00'), at('2026-03-08T04:00:00-04:00'), ny)).toEqual([
      { date: '2026-03-08', hour: 1, minutes: 60 },
      { date: '2026-03-08', hour: 3, minutes: 60 },
    ]);
    expect(minutesByWeekdayHour(at('2026-03-08T10:00:00-04:00'), at('2026-03-08T12:00:00-04:00'), ny)).toEqual(
      new Map([
        ['7-10', 60],
        ['7-11', 60],
      ]),
    );
  });

  it('counts the repeated hour twice on the day clocks go back (2026-11-01)', () => {
    expect(minutesByLocalHour(at('2026-11-01T00:30:00-04:00'), at('2026-11-01T02:00:00-05:00'), ny)).toEqual([
      { date: '2026-11-01', hour: 0, minutes: 30 },
      { date: '2026-11-01', hour: 1, minutes: 120 },
    ]);
  });

  it('works in a zone with a half-hour offset, and splits at midnight into the next weekday', () => {
    expect(minutesByWeekdayHour(at('2026-03-02T23:00:00+05:30'), at('2026-03-03T01:00:00+05:30'), 'Asia/Kolkata')).toEqual(
      new Map([
        ['1-23', 60],
        ['2-00', 60],
      ]),
    );
  });
});
