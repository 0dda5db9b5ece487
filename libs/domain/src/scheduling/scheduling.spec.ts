import { bookingViolations, type BookingFacts } from './booking-rules';
import { canTransition, isReschedulable } from './appointment-status';
import { mergeIntervals, subtractIntervals } from './intervals';
import { instantToLocal, localTimeToInstant, parseClockTime, zoneOffsetMinutes } from './local-time';
import { freeSlots, isFree, nearestSlot } from './slots';
import { workingIntervals } from './working-hours';

const H = 3_600_000;
const at = (iso: string) => new Date(iso).getTime();

describe('local time across daylight-saving changes', () => {
  it('keeps 09:00 local in New York on both sides of the March 2026 change', () => {
    expect(localTimeToInstant('2026-03-06', 9 * 60, 'America/New_York').toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(localTimeToInstant('2026-03-09', 9 * 60, 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });
  it('keeps 09:00 local in Berlin across the October change', () => {
    expect(localTimeToInstant('2026-10-23', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(localTimeToInstant('2026-10-26', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });
  it('moves a skipped time forward and takes the first of a repeated one', () => {
    expect(localTimeToInstant('2026-03-08', 2 * 60 + 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeToInstant('2026-11-01', 60 + 30, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
  it('reads instants back as local date and minutes', () => {
    expect(instantToLocal(at('2026-03-09T13:00:00Z'), 'America/New_York')).toEqual({ date: '2026-03-09', minutes: 540 });
    expect(zoneOffsetMinutes(at('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120);
  });
  it('parses clock times', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:30')).toBeUndefined();
    expect(parseClockTime('9:30')).toBeUndefined();
  });
});

describe('working intervals', () => {
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
  it('lays the weekly pattern on local dates over a DST week', () => {
    const intervals = workingIntervals({ weekly, exceptions: [], timeZone: 'America/New_York', from: at('2026-03-06T00:00:00Z'), to: at('2026-03-11T00:00:00Z') });
    expect(intervals.map((i) => new Date(i.start).toISOString())).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    expect(intervals.every((i) => i.end - i.start === 8 * H)).toBe(true);
  });
  it('adds extra hours and removes time off', () => {
    const intervals = workingIntervals({
      weekly,
      exceptions: [
        { kind: 'time_off', start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T17:00:00Z') },
        { kind: 'extra_hours', start: at('2026-03-07T14:00:00Z'), end: at('2026-03-07T16:00:00Z') },
      ],
      timeZone: 'America/New_York',
      from: at('2026-03-07T00:00:00Z'),
      to: at('2026-03-10T00:00:00Z'),
    });
    expect(intervals).toEqual([
      { start: at('2026-03-07T14:00:00Z'), end: at('2026-03-07T16:00:00Z') },
      { start: at('2026-03-09T17:00:00Z'), end: at('2026-03-09T21:00:00Z') },
    ]);
  });
});

describe('intervals', () => {
  it('merges and subtracts', () => {
    expect(mergeIntervals([{ start: 5, end: 8 }, { start: 1, end: 3 }, { start: 3, end: 4 }])).toEqual([{ start: 1, end: 4 }, { start: 5, end: 8 }]);
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 12 }])).toEqual([{ start: 0, end: 2 }, { start: 3, end: 8 }]);
  });
  it('checks freedom by binary search', () => {
    const busy = [{ start: 10, end: 20 }, { start: 30, end: 40 }];
    expect(isFree(busy, 20, 30)).toBe(true);
    expect(isFree(busy, 15, 25)).toBe(false);
    expect(isFree(busy, 0, 11)).toBe(false);
    expect(isFree(busy, 40, 50)).toBe(true);
  });
});

describe('free slots', () => {
  const day = { start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T15:00:00Z') };
  it('respects duration, buffer, practitioner and room appointments', () => {
    const slots = freeSlots(
      { from: day.start, to: day.end, durationMin: 45, bufferMin: 15, medical: false },
      [{ id: 'p1', working: [day], busy: [{ start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T14:00:00Z') }] }],
      [{ id: 'r1', busy: [] }],
    );
    // 14:00 start (09:00 + 1 h taken): treatment 14:00–14:45 fits before 15:00; 14:15 fits too (ends 15:00).
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-09T14:00:00.000Z', '2026-03-09T14:15:00.000Z']);
  });
  it('needs a free room and a medical credential for medical services', () => {
    const roomBusy = [{ start: day.start, end: day.end }];
    expect(freeSlots({ from: day.start, to: day.end, durationMin: 30, bufferMin: 0, medical: false }, [{ id: 'p', working: [day], busy: [] }], [{ id: 'r', busy: roomBusy }])).toEqual([]);
    expect(freeSlots({ from: day.start, to: day.end, durationMin: 30, bufferMin: 0, medical: true }, [{ id: 'p', working: [day], busy: [], medicalUntil: null }], [{ id: 'r', busy: [] }])).toEqual([]);
    expect(
      freeSlots({ from: day.start, to: day.end, durationMin: 30, bufferMin: 0, medical: true }, [{ id: 'p', working: [day], busy: [], medicalUntil: day.start + H }], [{ id: 'r', busy: [] }]),
    ).toHaveLength(4);
  });
  it('picks the nearest slot to a target date, later before earlier on a tie', () => {
    const slots = [at('2026-04-01T14:00:00Z'), at('2026-04-05T14:00:00Z'), at('2026-04-07T14:00:00Z')].map((start) => ({ start }));
    expect(nearestSlot(slots, '2026-04-06', 'UTC')?.start).toBe(at('2026-04-07T14:00:00Z'));
    expect(nearestSlot(slots, '2026-04-02', 'UTC')?.start).toBe(at('2026-04-01T14:00:00Z'));
    expect(nearestSlot(slots, '2026-04-02', 'UTC', at('2026-04-02T00:00:00Z'))?.start).toBe(at('2026-04-05T14:00:00Z'));
    expect(nearestSlot([], '2026-04-02', 'UTC')).toBeUndefined();
  });
});

describe('appointment status', () => {
  it('follows the flow and refuses the rest', () => {
    expect(canTransition('booked', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'checked_in')).toBe(true);
    expect(canTransition('checked_in', 'in_treatment')).toBe(true);
    expect(canTransition('in_treatment', 'completed')).toBe(true);
    expect(canTransition('completed', 'cancelled')).toBe(false);
    expect(canTransition('booked', 'completed')).toBe(false);
    expect(canTransition('cancelled', 'booked')).toBe(false);
    expect(isReschedulable('checked_in')).toBe(false);
  });
});

describe('booking rules', () => {
  const appt = { start: at('2026-03-09T14:00:00Z'), end: at('2026-03-09T15:00:00Z') };
  const ok: BookingFacts = {
    appointment: appt,
    localDate: '2026-03-09',
    service: { procedureKind: 'medical_needling', minDaysBetweenMedicalSessions: 28 },
    patient: { archived: false },
    practitioner: { active: true, credentials: [{ licenceType: 'registered_nurse', expiresOn: '2027-01-01' }] },
    location: { active: true },
    room: { atLocation: true, active: true },
    working: [{ start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T21:00:00Z') }],
    timeOff: [],
    otherMedical: [],
  };
  it('accepts a valid booking', () => expect(bookingViolations(ok)).toEqual([]));
  it('lists every broken rule', () => {
    const codes = bookingViolations({
      ...ok,
      patient: { archived: true },
      practitioner: { active: false, credentials: [{ licenceType: 'licensed_aesthetician', expiresOn: '2027-01-01' }] },
      room: { atLocation: false, active: true },
      working: [],
      otherMedical: [{ id: 'x', date: '2026-02-20' }],
    }).map((v) => v.code);
    expect(codes).toEqual(['patient-archived', 'room-not-at-location', 'practitioner-inactive', 'outside-working-hours', 'credential-insufficient', 'medical-interval']);
  });
  it('counts an expired licence as none and 28 days as enough', () => {
    expect(bookingViolations({ ...ok, practitioner: { active: true, credentials: [{ licenceType: 'physician', expiresOn: '2026-03-08' }] } }).map((v) => v.code)).toEqual([
      'credential-expired',
    ]);
    expect(bookingViolations({ ...ok, practitioner: { active: true, credentials: [] } }).map((v) => v.code)).toEqual(['credential-missing']);
    expect(bookingViolations({ ...ok, otherMedical: [{ id: 'x', date: '2026-02-09' }] })).toEqual([]);
    expect(bookingViolations({ ...ok, otherMedical: [{ id: 'x', date: '2026-04-05' }] })).toEqual([
      expect.objectContaining({ code: 'medical-interval', appointmentIds: ['x'] }),
    ]);
  });
  it('asks nothing of licences or intervals for a cosmetic service', () => {
    const cosmetic = { ...ok, service: { procedureKind: 'cosmetic_needling' as const, minDaysBetweenMedicalSessions: 28 } };
    expect(bookingViolations({ ...cosmetic, practitioner: { active: true, credentials: [] }, otherMedical: [{ id: 'x', date: '2026-03-01' }] })).toEqual([]);
  });
  it('names time off rather than working hours', () => {
    expect(bookingViolations({ ...ok, timeOff: [appt] }).map((v) => v.code)).toEqual(['practitioner-time-off']);
  });
});
