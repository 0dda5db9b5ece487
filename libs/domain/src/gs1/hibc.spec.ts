import { hibcCheckCharacter, isHibc, parseHibc } from './hibc';

const REF = { referenceDate: '2026-03-01' };
const errors = (input: string) => {
  const result = parseHibc(input, REF);
  return result.ok ? [] : result.errors.map((e) => e.code);
};
/** Appends the modulo-43 check character, as a label printer does. */
const withCheck = (data: string) => data + hibcCheckCharacter(data);

describe('HIBC modulo-43 check character', () => {
  it('matches the published examples', () => {
    // Scanner manuals' worked example: sum 145, remainder 16 = G.
    expect(hibcCheckCharacter('+A123BJC5D6E71')).toBe('G');
    // Sum 149, remainder 20 = K.
    expect(hibcCheckCharacter('+A1234BJC5D6E71')).toBe('K');
    expect(hibcCheckCharacter('07000503')).toBe('F');
  });

  it('refuses characters outside the HIBC set', () => {
    expect(() => hibcCheckCharacter('+a123')).toThrow(RangeError);
  });
});

describe('parseHibc', () => {
  it('recognises HIBC by its + after any symbology identifier', () => {
    expect(isHibc(']d1+A123BJC5D6E71G')).toBe(true);
    expect(isHibc('+A123BJC5D6E71G')).toBe(true);
    expect(isHibc(']d20100812345678901')).toBe(false);
  });

  it('reads YYMMDD expiry ($$3) and a lot', () => {
    const result = parseHibc(withCheck('+H123PEN14N1/$$3270331LOT7'), REF);
    expect(result).toMatchObject({ ok: true, value: { labelerCode: 'H123', productNumber: 'PEN14N', unitOfMeasure: 1, expiryDate: '2027-03-31', lot: 'LOT7' } });
  });

  it('reads MMDDYY expiry ($$2) and a quantity ($$8)', () => {
    expect(parseHibc(withCheck('+H123PEN14N1/$$2033127LOT7'), REF)).toMatchObject({ ok: true, value: { expiryDate: '2027-03-31', lot: 'LOT7' } });
    expect(parseHibc(withCheck('+H123PEN14N1/$$8247LOT7'), REF)).toMatchObject({ ok: true, value: { quantity: 24, lot: 'LOT7' } });
    expect(parseHibc(withCheck('+H123PEN14N1/$LOT7'), REF)).toMatchObject({ ok: true, value: { lot: 'LOT7' } });
  });

  it('refuses impossible dates, a bad labeler code and lower case', () => {
    expect(errors(withCheck('+H123PEN14N1/$$3270230LOT7'))).toEqual(['invalid-date']);
    expect(errors(withCheck('+H123PEN14N1/$$1327LOT7'))).toEqual(['invalid-date']);
    expect(errors(withCheck('+H123PEN14N1/$$5273660LOT7'))).toEqual(['invalid-date']);
    expect(errors(withCheck('+1234PEN14N1'))).toEqual(['malformed']);
    expect(errors('+h123pen14n1x')).toEqual(['invalid-characters']);
  });

  it('names the right check character when the scanned one is wrong', () => {
    const result = parseHibc('+A123BJC5D6E71H', REF);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain('it should be G');
  });
});
