import { isDecimalNumber } from './is-decimal-number';

describe('isDecimalNumber', () => {
  it('takes numbers with up to the allowed decimals', () => {
    for (const value of [0, 1, 1.5, 1.25, -2.75, 1e21]) expect(isDecimalNumber(value, 2)).toBe(true);
  });
  it('refuses more decimals, exponent-form fractions, NaN, infinities and non-numbers (never throws)', () => {
    for (const value of [1.255, 4e-323, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '1.5', null, undefined]) expect(isDecimalNumber(value, 2)).toBe(false);
  });
});
