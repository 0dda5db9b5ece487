import { gs1CheckDigit, gtinCheckDigit, isValidGtin, normalizeGtin } from './check-digit';

describe('GS1 check digits', () => {
  it('computes GTIN-14 check digits', () => {
    expect(gtinCheckDigit('0081234567890')).toBe(1);
    expect(gtinCheckDigit('0400638133393')).toBe(1);
    expect(gtinCheckDigit('1061414100041')).toBe(5);
    expect(gtinCheckDigit('0000000000000')).toBe(0);
  });
  it('gives the same digit for padded shorter GTINs', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('9638507')).toBe(4);
    expect(gs1CheckDigit('00009638507')).toBe(4);
  });
  it('refuses input that is not 13 digits', () => {
    expect(() => gtinCheckDigit('123')).toThrow(RangeError);
    expect(() => gtinCheckDigit('008123456789A')).toThrow(RangeError);
    expect(() => gs1CheckDigit('')).toThrow(RangeError);
  });
});

describe('isValidGtin', () => {
  it('accepts GTIN-8, -12, -13 and -14 with a correct check digit', () => {
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('629104150021')).toBe(false);
    expect(isValidGtin('6291041500213')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('00812345678901')).toBe(true);
  });
  it('rejects wrong check digits, lengths and characters', () => {
    expect(isValidGtin('00812345678905')).toBe(false); // the domain.md example: its check digit should be 1
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('1234567890')).toBe(false);
    expect(isValidGtin('008123456789012')).toBe(false);
    expect(isValidGtin('0081234567890X')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });
});

describe('normalizeGtin', () => {
  it('pads valid GTINs to 14 digits', () => {
    expect(normalizeGtin('96385074')).toBe('00000096385074');
    expect(normalizeGtin('036000291452')).toBe('00036000291452');
    expect(normalizeGtin(' 4006381333931 ')).toBe('04006381333931');
    expect(normalizeGtin('00812345678901')).toBe('00812345678901');
  });
  it('returns null for invalid GTINs', () => {
    expect(normalizeGtin('4006381333932')).toBeNull();
    expect(normalizeGtin('12345')).toBeNull();
  });
});
