import { RequestValidationError } from '../problems/validation';
import { checkKeyFormat } from './keyset-key-format';

describe('a cursor key PostgreSQL can cast', () => {
  it('passes a key as the list issued it', () => {
    const key = ['2026-12-06T10:00:00.123456Z', 42];
    expect(checkKeyFormat(key, ['microsecond-instant', 'bigint-id'])).toBe(key);
    expect(checkKeyFormat(['2026-02-28', 'x'], ['calendar-date', 'any'])).toEqual(['2026-02-28', 'x']);
    expect(checkKeyFormat(null, ['bigint-id'])).toBeNull();
  });

  it.each([
    ['a day that does not exist', ['2026-02-30T10:00:00.000000Z', 1]],
    ['an hour that does not exist', ['2026-02-03T25:00:00.000000Z', 1]],
    ['an instant without microseconds', ['2026-02-03T10:00:00Z', 1]],
    ['a date in words', ['March 7, 2026', 1]],
    ['a fractional id', ['2026-02-03T10:00:00.000000Z', 1.5]],
    ['a negative id', ['2026-02-03T10:00:00.000000Z', -1]],
  ])('refuses %s as a 400 on after', (_why, key) => {
    expect(() => checkKeyFormat(key, ['microsecond-instant', 'bigint-id'])).toThrow(RequestValidationError);
  });

  it('refuses a calendar date that does not exist', () => {
    expect(() => checkKeyFormat(['2026-13-01'], ['calendar-date'])).toThrow(RequestValidationError);
  });
});
