import { DEFAULT_ONLINE_BOOKING_SETTINGS, defaultOnlineBookingMode, onlineBookingWindow } from './online-booking';

describe('online booking', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const now = Date.UTC(2027, 0, 10, 12);

  it('opens medical needling to existing patients by default and keeps the rest off', () => {
    expect(defaultOnlineBookingMode('medical_needling')).toBe('existing_patients');
    expect(defaultOnlineBookingMode('cosmetic_needling')).toBe('off');
    expect(defaultOnlineBookingMode('consultation')).toBe('off');
    expect(DEFAULT_ONLINE_BOOKING_SETTINGS).toMatchObject({ enabled: false, minimumNoticeHours: 24, maximumDaysAhead: 60, cancellationWindowHours: 24 });
  });

  it('cuts the asked range to now + notice .. now + days ahead, or null when they do not meet', () => {
    const settings = { minimumNoticeHours: 24, maximumDaysAhead: 10 };
    expect(onlineBookingWindow(settings, { from: now, to: now + 5 * DAY }, now)).toEqual({ from: now + DAY, to: now + 5 * DAY });
    expect(onlineBookingWindow(settings, { from: now + 8 * DAY, to: now + 14 * DAY }, now)).toEqual({ from: now + 8 * DAY, to: now + 10 * DAY });
    expect(onlineBookingWindow(settings, { from: now, to: now + 12 * HOUR }, now)).toBeNull();
    expect(onlineBookingWindow(settings, { from: now + 11 * DAY, to: now + 12 * DAY }, now)).toBeNull();
    expect(onlineBookingWindow({ minimumNoticeHours: 0, maximumDaysAhead: 60 }, { from: now - DAY, to: now + DAY }, now)).toEqual({ from: now, to: now + DAY });
  });
});
