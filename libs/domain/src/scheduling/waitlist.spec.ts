import { isLateCancellation } from './cancellation';
import { readableDateTime, readableTimeRange } from './readable-time';
import { readableIsoDate, waitlistEntryState, waitlistEntryWantsSlot, waitlistRangeViolations } from './waitlist';

describe('waitlist entries', () => {
  const entry = { status: 'waiting' as const, locationId: 'loc', practitionerId: null, earliestOn: '2026-03-10', latestOn: '2026-03-20' };

  it('expire after the last day of their range on the location’s calendar, that day included', () => {
    expect(waitlistEntryState(entry, '2026-03-20')).toBe('waiting');
    expect(waitlistEntryState(entry, '2026-03-21')).toBe('expired');
    expect(waitlistEntryState({ ...entry, status: 'offered' }, '2026-03-21')).toBe('expired');
    // Booked and removed entries keep what happened to them.
    expect(waitlistEntryState({ ...entry, status: 'booked' }, '2026-04-01')).toBe('booked');
    expect(waitlistEntryState({ ...entry, status: 'removed' }, '2026-04-01')).toBe('removed');
  });

  it('want a freed slot at their location, inside their range, with their practitioner if they named one', () => {
    const slot = { locationId: 'loc', practitionerId: 'nora', localDate: '2026-03-12' };
    expect(waitlistEntryWantsSlot(entry, slot, '2026-03-11')).toBe(true);
    expect(waitlistEntryWantsSlot(entry, { ...slot, localDate: '2026-03-10' }, '2026-03-09')).toBe(true);
    expect(waitlistEntryWantsSlot(entry, { ...slot, localDate: '2026-03-20' }, '2026-03-09')).toBe(true);
    expect(waitlistEntryWantsSlot(entry, { ...slot, localDate: '2026-03-21' }, '2026-03-09')).toBe(false);
    expect(waitlistEntryWantsSlot(entry, { ...slot, localDate: '2026-03-09' }, '2026-03-09')).toBe(false);
    expect(waitlistEntryWantsSlot(entry, { ...slot, locationId: 'other' }, '2026-03-11')).toBe(false);
    expect(waitlistEntryWantsSlot({ ...entry, practitionerId: 'nora' }, slot, '2026-03-11')).toBe(true);
    expect(waitlistEntryWantsSlot({ ...entry, practitionerId: 'sam' }, slot, '2026-03-11')).toBe(false);
    // Offered entries may be offered another slot; expired, booked and removed ones are not matched.
    expect(waitlistEntryWantsSlot({ ...entry, status: 'offered' }, slot, '2026-03-11')).toBe(true);
    expect(waitlistEntryWantsSlot({ ...entry, status: 'booked' }, slot, '2026-03-11')).toBe(false);
    expect(waitlistEntryWantsSlot({ ...entry, latestOn: '2026-03-12' }, slot, '2026-03-13')).toBe(false);
  });

  it('refuse a range already over or longer than a year, in words', () => {
    expect(waitlistRangeViolations({ earliestOn: '2026-03-01', latestOn: '2026-03-05' }, '2026-03-06')).toEqual([
      { code: 'waitlist-range-over', message: 'The range ended on March 5, 2026: choose days from today on' },
    ]);
    expect(waitlistRangeViolations({ earliestOn: '2026-03-06', latestOn: '2026-03-06' }, '2026-03-06')).toEqual([]);
    expect(waitlistRangeViolations({ earliestOn: '2026-01-01', latestOn: '2027-01-01' }, '2026-01-01')).toEqual([]);
    expect(waitlistRangeViolations({ earliestOn: '2026-01-01', latestOn: '2027-01-02' }, '2026-01-01').map((v) => v.code)).toEqual(['waitlist-range-too-long']);
    expect(readableIsoDate('2026-12-02')).toBe('December 2, 2026');
  });
});

describe('late cancellations', () => {
  const startsAt = Date.UTC(2026, 2, 12, 15, 0);
  const hoursBefore = (h: number) => startsAt - h * 3_600_000;

  it('are a patient’s cancellations inside the window before the start', () => {
    expect(isLateCancellation({ startsAt, cancelledAt: hoursBefore(23.9), windowHours: 24, cancelledBy: 'patient' })).toBe(true);
    expect(isLateCancellation({ startsAt, cancelledAt: hoursBefore(24), windowHours: 24, cancelledBy: 'patient' })).toBe(false);
    expect(isLateCancellation({ startsAt, cancelledAt: hoursBefore(48), windowHours: 24, cancelledBy: 'patient' })).toBe(false);
    // After the start (a checked-in patient who leaves) is late too.
    expect(isLateCancellation({ startsAt, cancelledAt: startsAt + 600_000, windowHours: 24, cancelledBy: 'patient' })).toBe(true);
  });

  it('are never the clinic’s, and never with the window turned off', () => {
    expect(isLateCancellation({ startsAt, cancelledAt: hoursBefore(1), windowHours: 24, cancelledBy: 'clinic' })).toBe(false);
    expect(isLateCancellation({ startsAt, cancelledAt: hoursBefore(1), windowHours: 0, cancelledBy: 'patient' })).toBe(false);
  });
});

describe('readable times', () => {
  it('are written in the location’s zone, never as ISO strings', () => {
    const instant = new Date('2026-12-02T15:30:00Z');
    expect(readableDateTime(instant, 'America/New_York')).toBe('Wednesday, December 2, 2026 at 10:30 AM');
    expect(readableDateTime(instant, 'Europe/Berlin')).toBe('Wednesday, December 2, 2026 at 4:30 PM');
    expect(readableTimeRange(instant, new Date('2026-12-02T16:15:00Z'), 'America/New_York')).toBe('10:30 AM–11:15 AM');
  });
});
