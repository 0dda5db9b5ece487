import { utcIsoDate } from './today';

describe('utcIsoDate', () => {
  it('takes the UTC calendar date of an instant', () => {
    expect(utcIsoDate(new Date(Date.UTC(2026, 1, 28, 23, 59, 59)))).toBe('2026-02-28');
    expect(utcIsoDate(new Date('2026-03-01T00:30:00+02:00'))).toBe('2026-02-28');
  });
  it('defaults to now', () => {
    expect(utcIsoDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
