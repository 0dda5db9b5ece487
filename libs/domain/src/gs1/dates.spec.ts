import { expandGs1Year, parseGs1Date } from './dates';

describe('expandGs1Year (GS1 General Specifications 7.12)', () => {
  it('places years within -49..+50 of the reference year', () => {
    expect(expandGs1Year(26, 2026)).toBe(2026);
    expect(expandGs1Year(76, 2026)).toBe(2076);
    expect(expandGs1Year(77, 2026)).toBe(1977);
    expect(expandGs1Year(0, 2026)).toBe(2000);
    expect(expandGs1Year(99, 2026)).toBe(1999);
  });
  it('moves to the next century near its end', () => {
    expect(expandGs1Year(10, 2080)).toBe(2110);
    expect(expandGs1Year(30, 2080)).toBe(2130); // +50
    expect(expandGs1Year(31, 2080)).toBe(2031); // -49
    expect(expandGs1Year(5, 2099)).toBe(2105);
  });
  it('refuses impossible two-digit years', () => {
    expect(() => expandGs1Year(100, 2026)).toThrow(RangeError);
    expect(() => expandGs1Year(-1, 2026)).toThrow(RangeError);
  });
});

describe('parseGs1Date', () => {
  const ref = '2026-03-01';
  it('parses YYMMDD', () => {
    expect(parseGs1Date('270315', ref, 'last_day_of_month')).toBe('2027-03-15');
    expect(parseGs1Date('991231', ref, 'last_day_of_month')).toBe('1999-12-31');
  });
  it('reads day 00 as the last or first day of the month', () => {
    expect(parseGs1Date('270300', ref, 'last_day_of_month')).toBe('2027-03-31');
    expect(parseGs1Date('280200', ref, 'last_day_of_month')).toBe('2028-02-29');
    expect(parseGs1Date('270200', ref, 'last_day_of_month')).toBe('2027-02-28');
    expect(parseGs1Date('270400', ref, 'last_day_of_month')).toBe('2027-04-30');
    expect(parseGs1Date('270300', ref, 'first_day_of_month')).toBe('2027-03-01');
  });
  it.each(['271301', '270001', '270230', '280230', '27031', '2703155', '27O315', ''])('rejects %p', (value) => {
    expect(parseGs1Date(value, ref, 'last_day_of_month')).toBeNull();
  });
  it('accepts 29 February only in leap years', () => {
    expect(parseGs1Date('280229', ref, 'last_day_of_month')).toBe('2028-02-29');
    expect(parseGs1Date('270229', ref, 'last_day_of_month')).toBeNull();
  });
});
