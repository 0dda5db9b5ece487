import { formatMrn, mrnFromSearchTerm, normalizePhone, parseFitzpatrickType, phoneMatchKey } from './identity';

describe('medical record numbers', () => {
  it('pads to six digits and never truncates', () => {
    expect(formatMrn(1)).toBe('SL-000001');
    expect(formatMrn(123)).toBe('SL-000123');
    expect(formatMrn(1234567)).toBe('SL-1234567');
    expect(() => formatMrn(0)).toThrow(RangeError);
  });
  it('reads an MRN out of a search term', () => {
    expect(mrnFromSearchTerm('SL-000123')).toBe('SL-000123');
    expect(mrnFromSearchTerm('sl123')).toBe('SL-000123');
    expect(mrnFromSearchTerm(' sl-0042 ')).toBe('SL-000042');
    expect(mrnFromSearchTerm('123')).toBeNull();
    expect(mrnFromSearchTerm('SL-')).toBeNull();
    expect(mrnFromSearchTerm('SL-0')).toBeNull();
    expect(mrnFromSearchTerm('Slater')).toBeNull();
  });
});

describe('phone numbers', () => {
  it('keeps a leading plus and the digits', () => {
    expect(normalizePhone('(212) 555-0100')).toBe('2125550100');
    expect(normalizePhone(' +44 20 7946 0958 ')).toBe('+442079460958');
    expect(normalizePhone('212.555.0100')).toBe('2125550100');
  });
  it('refuses what is not a phone number', () => {
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('555-01')).toBeNull();
    expect(normalizePhone('1234567890123456')).toBeNull();
    expect(normalizePhone('212 555 0100 ext 4')).toBeNull();
  });
  it('matches numbers typed with and without the country code', () => {
    expect(phoneMatchKey('+12125550100')).toBe(phoneMatchKey('(212) 555-0100'));
    expect(phoneMatchKey('5550100')).toBe('5550100');
  });
});

describe('Fitzpatrick phototypes', () => {
  it('reads digits and Roman numerals', () => {
    expect(parseFitzpatrickType('4')).toBe(4);
    expect(parseFitzpatrickType('IV')).toBe(4);
    expect(parseFitzpatrickType('type vi')).toBe(6);
    expect(parseFitzpatrickType('7')).toBeNull();
    expect(parseFitzpatrickType('VII')).toBeNull();
    expect(parseFitzpatrickType('')).toBeNull();
  });
});
