import { parseGs1, type Gs1ParseResult } from './parse';

const GS = '\u001d';
const REF = { referenceDate: '2026-03-01' };
const GTIN = '00812345678901';
/** The parse with the element list left out, to compare the fields the clinic uses. */
const parse = (input: string): Gs1ParseResult => {
  const result = parseGs1(input, REF);
  if (!result.ok) return result;
  const { elements: _elements, elementString: _elementString, ...fields } = result.value;
  return { ok: true, value: fields as typeof result.value };
};
const errorCodes = (result: Gs1ParseResult) => (result.ok ? [] : result.errors.map((e) => `${e.ai ?? '-'}:${e.code}`));

describe('parseGs1: raw scanned form', () => {
  it('reads a GTIN alone', () => {
    expect(parse(`01${GTIN}`)).toEqual({ ok: true, value: { gtin: GTIN } });
  });

  it('reads every supported AI with GS after variable fields', () => {
    expect(parse(`01${GTIN}` + '11250115' + '17270300' + `10LOT42A${GS}` + '21SN-0001')).toEqual({
      ok: true,
      value: { gtin: GTIN, productionDate: '2025-01-15', expiryDate: '2027-03-31', lot: 'LOT42A', serial: 'SN-0001' },
    });
  });

  it('ends the last variable field at the end of input, and tolerates a trailing GS', () => {
    expect(parse(`01${GTIN}10LOT42A`)).toEqual({ ok: true, value: { gtin: GTIN, lot: 'LOT42A' } });
    expect(parse(`01${GTIN}10LOT42A${GS}`)).toEqual({ ok: true, value: { gtin: GTIN, lot: 'LOT42A' } });
  });

  it('tolerates GS after fixed fields', () => {
    expect(parse(`01${GTIN}${GS}17270315${GS}10A1`)).toEqual({ ok: true, value: { gtin: GTIN, expiryDate: '2027-03-15', lot: 'A1' } });
  });

  it.each([']d2', ']C1', ']Q3', ']e0'])('strips the symbology prefix %s', (prefix) => {
    expect(parse(`${prefix}01${GTIN}17270300`)).toEqual({ ok: true, value: { gtin: GTIN, expiryDate: '2027-03-31' } });
  });

  it('strips a leading FNC1 sent as GS and the scanner line ending', () => {
    expect(parse(`]d2${GS}01${GTIN}10X\r\n`)).toEqual({ ok: true, value: { gtin: GTIN, lot: 'X' } });
  });

  it('does not depend on AI order', () => {
    const expected = { ok: true, value: { gtin: GTIN, lot: 'L1', serial: 'S1', expiryDate: '2027-03-31', productionDate: '2025-01-15' } };
    expect(parse(`10L1${GS}21S1${GS}` + '17270300' + '11250115' + `01${GTIN}`)).toEqual(expected);
    expect(parse(`21S1${GS}01${GTIN}10L1${GS}` + '11250115' + '17270300')).toEqual(expected);
  });

  it('reports a bad check digit (the domain.md example GTIN 00812345678905)', () => {
    const result = parse('0100812345678905');
    expect(errorCodes(result)).toEqual(['01:bad-check-digit']);
  });

  it('reports a truncated GTIN', () => {
    expect(errorCodes(parse('010081234567'))).toEqual(['01:truncated']);
    expect(errorCodes(parse(`010081234567${GS}10LOT`))).toEqual(['01:truncated']);
  });

  it('reports a truncated date', () => {
    expect(errorCodes(parse(`01${GTIN}172703`))).toEqual(['17:truncated']);
    expect(errorCodes(parse(`01${GTIN}11`))).toEqual(['11:truncated']);
  });

  it('reports input ending inside an AI', () => {
    expect(errorCodes(parse(`01${GTIN}1`))).toEqual(['-:truncated']);
  });

  it('reports a lot or serial longer than 20 characters', () => {
    expect(parse(`01${GTIN}10${'A'.repeat(20)}`).ok).toBe(true);
    expect(errorCodes(parse(`01${GTIN}10${'A'.repeat(21)}`))).toEqual(['10:too-long']);
    expect(errorCodes(parse(`01${GTIN}21${'9'.repeat(21)}`))).toEqual(['21:too-long']);
  });

  it('hints at a missing GS when a variable field swallows the next AI', () => {
    const result = parse(`01${GTIN}10LOT42A17270300112501150`);
    expect(errorCodes(result)).toEqual(['10:too-long']);
    if (!result.ok) expect(result.errors[0].message).toContain('missing GS');
  });

  it('reads AIs beyond 01/10/11/17/21 (240) and stops at an AI not in the GS1 table', () => {
    expect(parse(`01${GTIN}240ABC${GS}10LOT`)).toEqual({ ok: true, value: { gtin: GTIN, additionalProductId: 'ABC', lot: 'LOT' } });
    expect(errorCodes(parse(`01${GTIN}2399${GS}10LOT`))).toEqual(['23:unknown-ai']);
  });

  it('reports non-digits where an AI is expected', () => {
    expect(errorCodes(parse('LOT42A'))).toEqual(['-:malformed', '01:missing-gtin']);
  });

  it('reports empty input and empty variable fields', () => {
    expect(errorCodes(parse(''))).toEqual(['-:empty']);
    expect(errorCodes(parse('  \r\n'))).toEqual(['-:empty']);
    expect(errorCodes(parse(']d2'))).toEqual(['-:empty']);
    expect(errorCodes(parse(`01${GTIN}10${GS}21S`))).toEqual(['10:empty']);
  });

  it('reports invalid dates', () => {
    expect(errorCodes(parse(`01${GTIN}17271301`))).toEqual(['17:invalid-date']);
    expect(errorCodes(parse(`01${GTIN}17270230`))).toEqual(['17:invalid-date']);
    expect(errorCodes(parse(`01${GTIN}1127AB01`))).toEqual(['11:invalid-characters']);
  });

  it('reports characters outside the GS1 character set and a non-numeric GTIN', () => {
    expect(errorCodes(parse(`01${GTIN}10LOT 42`))).toEqual(['10:invalid-characters']);
    expect(errorCodes(parse('010081234567890X'))).toEqual(['01:invalid-characters']);
  });

  it('reports a missing GTIN', () => {
    expect(errorCodes(parse('10LOT42A'))).toEqual(['01:missing-gtin']);
  });

  it('reports the same AI twice with different data, and accepts an exact repeat', () => {
    expect(errorCodes(parse(`01${GTIN}10A${GS}10B`))).toEqual(['10:duplicate-ai']);
    expect(parse(`01${GTIN}10A${GS}10A`)).toEqual({ ok: true, value: { gtin: GTIN, lot: 'A' } });
  });

  it('collects several errors at once', () => {
    expect(errorCodes(parse('0100812345678905' + '17139900' + `10${'Z'.repeat(25)}`))).toEqual(['01:bad-check-digit', '17:invalid-date', '10:too-long']);
  });
});

describe('parseGs1: expiry day 00 and the century rule', () => {
  it('reads expiry day 00 as the last day of the month, including leap-year February', () => {
    const expiry = (yymmdd: string) => {
      const result = parse(`01${GTIN}17${yymmdd}`);
      return result.ok ? result.value.expiryDate : result.errors;
    };
    expect(expiry('280200')).toBe('2028-02-29');
    expect(expiry('270200')).toBe('2027-02-28');
    expect(expiry('271200')).toBe('2027-12-31');
    expect(expiry('270600')).toBe('2027-06-30');
  });

  it('reads production day 00 as the first day of the month', () => {
    const result = parse(`01${GTIN}11250600`);
    expect(result.ok && result.value.productionDate).toBe('2025-06-01');
  });

  it('resolves two-digit years against the reference date', () => {
    const expiry = (referenceDate: string) => {
      const result = parseGs1(`01${GTIN}17760101`, { referenceDate });
      return result.ok ? result.value.expiryDate : undefined;
    };
    expect(expiry('2026-03-01')).toBe('2076-01-01');
    expect(expiry('2025-12-31')).toBe('1976-01-01');
  });

  it('defaults the reference date to today and refuses a malformed one', () => {
    expect(parseGs1(`01${GTIN}17270300`).ok).toBe(true);
    expect(() => parseGs1(`01${GTIN}`, { referenceDate: '2026-3-1' })).toThrow(RangeError);
  });
});

describe('parseGs1: human-readable form', () => {
  it('reads the parenthesised form', () => {
    expect(parse(`(01)${GTIN}(17)270300(10)LOT42A`)).toEqual({
      ok: true,
      value: { gtin: GTIN, expiryDate: '2027-03-31', lot: 'LOT42A' },
    });
  });

  it('reads every AI in any order, with spaces between elements', () => {
    expect(parse(`(21) SN1 (10) L-9 (11) 250115 (17) 270315 (01) ${GTIN}`)).toEqual({
      ok: true,
      value: { gtin: GTIN, lot: 'L-9', serial: 'SN1', productionDate: '2025-01-15', expiryDate: '2027-03-15' },
    });
  });

  it('accepts a symbology prefix and stray GS', () => {
    expect(parse(`]C1(01)${GTIN}(10)A${GS}(21)B`)).toEqual({ ok: true, value: { gtin: GTIN, lot: 'A', serial: 'B' } });
  });

  it('rejects the domain.md example for its check digit', () => {
    expect(errorCodes(parse('(01)00812345678905(17)270300(10)LOT42A'))).toEqual(['01:bad-check-digit']);
  });

  it('reports wrong fixed lengths', () => {
    expect(errorCodes(parse('(01)0081234567'))).toEqual(['01:truncated']);
    expect(errorCodes(parse(`(01)${GTIN}0`))).toEqual(['01:too-long']);
    expect(errorCodes(parse(`(01)${GTIN}(17)2703`))).toEqual(['17:truncated']);
    expect(errorCodes(parse(`(01)(17)270300`))).toEqual(['01:truncated']);
  });

  it('reports unknown AIs but keeps reading the rest', () => {
    expect(errorCodes(parse(`(01)${GTIN}(239)ABC(10)LOT${'A'.repeat(21)}`))).toEqual(['239:unknown-ai', '10:too-long']);
  });

  it('reports too-long lots, duplicates and empty fields', () => {
    expect(errorCodes(parse(`(01)${GTIN}(10)${'A'.repeat(21)}`))).toEqual(['10:too-long']);
    expect(errorCodes(parse(`(01)${GTIN}(10)A(10)B`))).toEqual(['10:duplicate-ai']);
    expect(errorCodes(parse(`(01)${GTIN}(10)`))).toEqual(['10:empty']);
  });

  it('rejects text before the first AI', () => {
    expect(errorCodes(parse('(lot)42'))).toEqual(['-:malformed', '01:missing-gtin']);
  });
});
