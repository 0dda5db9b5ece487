import { columnShading, dayShading, hoursSummary, type ShadedPractitioner } from './calendarShading';

const at = (iso: string) => Date.parse(iso);
// Monday 3 May 2027 in New York (UTC-4): the day from local midnight to midnight.
const DAY = { start: at('2027-05-03T04:00:00Z'), end: at('2027-05-04T04:00:00Z') };
const nora: ShadedPractitioner = {
  id: 'nora',
  name: 'Nora Reyes',
  working: [
    { startsAt: '2027-05-03T13:00:00Z', endsAt: '2027-05-03T17:00:00Z' },
    { startsAt: '2027-05-03T18:30:00Z', endsAt: '2027-05-03T21:00:00Z' },
  ],
  timeOff: [{ startsAt: '2027-05-03T17:00:00Z', endsAt: '2027-05-03T18:30:00Z', reason: 'Dentist' }],
};
const sam: ShadedPractitioner = { id: 'sam', name: 'Dr. Samuel Osei', working: [{ startsAt: '2027-05-03T16:00:00Z', endsAt: '2027-05-04T00:00:00Z' }], timeOff: [] };
const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

describe('calendar shading', () => {
  it("shades a practitioner's column outside their bookable time and labels time off with its reason", () => {
    expect(columnShading(nora, DAY)).toEqual({
      off: [
        { start: DAY.start, end: at('2027-05-03T13:00:00Z') },
        { start: at('2027-05-03T17:00:00Z'), end: at('2027-05-03T18:30:00Z') },
        { start: at('2027-05-03T21:00:00Z'), end: DAY.end },
      ],
      timeOff: [{ start: at('2027-05-03T17:00:00Z'), end: at('2027-05-03T18:30:00Z'), label: 'Time off · Dentist', partial: false }],
    });
    // A whole week of leave, seen on one day: clipped to the day, no reason given.
    const away = { ...nora, working: [], timeOff: [{ startsAt: '2027-05-01T04:00:00Z', endsAt: '2027-05-08T04:00:00Z', reason: ' ' }] };
    expect(columnShading(away, DAY)).toEqual({ off: [DAY], timeOff: [{ ...DAY, label: 'Time off', partial: false }] });
  });

  it('shades a week-view day only where nobody works, and names who is off', () => {
    const shading = dayShading([nora, sam], DAY);
    expect(shading.off).toEqual([
      { start: DAY.start, end: at('2027-05-03T13:00:00Z') },
      { start: at('2027-05-04T00:00:00Z'), end: DAY.end },
    ]);
    // Samuel works while Nora is at the dentist: a label, not a closed block.
    expect(shading.timeOff).toEqual([{ start: at('2027-05-03T17:00:00Z'), end: at('2027-05-03T18:30:00Z'), label: 'Off: Nora Reyes (Dentist)', partial: true }]);
    const bothOff = dayShading([{ ...nora, working: [] }, { ...sam, working: [], timeOff: [{ ...nora.timeOff[0], reason: '' }] }], DAY);
    expect(bothOff.timeOff).toEqual([{ start: at('2027-05-03T17:00:00Z'), end: at('2027-05-03T18:30:00Z'), label: 'Off: Nora Reyes (Dentist), Dr. Samuel Osei', partial: false }]);
  });

  it("sums up a column's hours for its header", () => {
    expect(hoursSummary(nora, DAY, clock)).toBe('09:00–13:00, 14:30–17:00');
    expect(hoursSummary({ ...nora, working: [] }, DAY, clock)).toBe('Time off');
    expect(hoursSummary({ ...sam, working: [] }, DAY, clock)).toBe('Not working');
  });
});
