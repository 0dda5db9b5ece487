import { bookingViolations, serviceCredentialViolation, type BookingFacts } from './booking-rules';
import { canTransition, isReschedulable } from './appointment-status';
import { mergeIntervals, subtractIntervals } from './intervals';
import { instantToLocal, localTimeToInstant, parseClockTime, zoneOffsetMinutes } from './local-time';
import { freeSlots, isFree, nearestSlot, preferredSlot, TIME_OF_DAY_WINDOWS } from './slots';
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
  it('lists every free room of a slot, the first as its room', () => {
    const slots = freeSlots(
      { from: day.start, to: day.start + H, durationMin: 60, bufferMin: 0, medical: false },
      [{ id: 'p', working: [{ start: day.start, end: day.start + H }], busy: [] }],
      [{ id: 'r1', busy: [{ start: day.start, end: day.start + H / 2 }] }, { id: 'r2', busy: [] }, { id: 'r3', busy: [] }],
    );
    expect(slots).toEqual([{ start: day.start, end: day.start + H, practitionerId: 'p', roomId: 'r2', roomIds: ['r2', 'r3'] }]);
  });
  it("keeps a course's preferred time of day and practitioner before the nearest day", () => {
    // New York (UTC-4 in April): 08:00, 13:00 and 18:00 local on the target day, and 14:00 with p1 two days later.
    const tz = 'America/New_York';
    const slot = (iso: string, practitionerId: string) => ({ start: at(iso), practitionerId });
    const slots = [
      slot('2026-04-06T12:00:00Z', 'p1'),
      slot('2026-04-06T17:00:00Z', 'p2'),
      slot('2026-04-06T22:00:00Z', 'p1'),
      slot('2026-04-08T18:00:00Z', 'p1'),
    ];
    // No preference: the earliest time on the target day (the old 08:00 proposal).
    expect(preferredSlot(slots, '2026-04-06', tz, {})).toEqual({ slot: slots[0], matches: { time: true, practitioner: true } });
    // Afternoon: 13:00 that day.
    expect(preferredSlot(slots, '2026-04-06', tz, { window: TIME_OF_DAY_WINDOWS.afternoon })?.slot).toBe(slots[1]);
    // Afternoon with p1: two days later at 14:00 rather than another practitioner or another time.
    expect(preferredSlot(slots, '2026-04-06', tz, { window: TIME_OF_DAY_WINDOWS.afternoon, practitionerId: 'p1' })).toEqual({
      slot: slots[3],
      matches: { time: true, practitioner: true },
    });
    // Evening with p2: nobody keeps both; the time of day weighs more (18:00 with p1), said so.
    expect(preferredSlot(slots, '2026-04-06', tz, { window: TIME_OF_DAY_WINDOWS.evening, practitionerId: 'p2' })).toEqual({
      slot: slots[2],
      matches: { time: true, practitioner: false },
    });
    // A window nobody keeps: the practitioner, then any slot, marked as outside the window.
    expect(preferredSlot(slots, '2026-04-06', tz, { window: { fromMinute: 6 * 60, toMinute: 7 * 60 }, practitionerId: 'p2' })).toEqual({
      slot: slots[1],
      matches: { time: false, practitioner: true },
    });
    expect(preferredSlot(slots, '2026-04-06', tz, { window: TIME_OF_DAY_WINDOWS.evening }, at('2026-04-07T00:00:00Z'))?.slot).toBe(slots[3]);
    expect(preferredSlot([], '2026-04-06', tz, {})).toBeUndefined();
  });
});

describe('which services a practitioner may be booked for', () => {
  const aesthetician = [{ licenceType: 'licensed_aesthetician' as const, expiresOn: '2099-12-31' }];
  const nurse = [{ licenceType: 'registered_nurse' as const, expiresOn: '2027-01-31' }];
  it('asks a medical-depth licence, current on the day, for medical needling only', () => {
    expect(serviceCredentialViolation('medical_needling', aesthetician, '2026-05-01')?.code).toBe('credential-insufficient');
    expect(serviceCredentialViolation('cosmetic_needling', aesthetician, '2026-05-01')).toBeNull();
    expect(serviceCredentialViolation('medical_needling', nurse, '2027-01-31')).toBeNull();
    expect(serviceCredentialViolation('medical_needling', nurse, '2027-02-01')?.code).toBe('credential-expired');
    expect(serviceCredentialViolation('medical_needling', [], '2026-05-01')?.code).toBe('credential-missing');
    expect(serviceCredentialViolation('consultation', [], '2026-05-01')).toBeNull();
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
