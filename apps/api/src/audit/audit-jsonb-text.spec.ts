import { jsonbText } from './audit-jsonb-text';

describe('jsonbText (the text PostgreSQL gives back for a jsonb value)', () => {
  it('orders keys by byte length, then bytewise, and separates as jsonb does', () => {
    // psql: SELECT '{"bb": 1, "a": [1.5, true, null, "x\"\n\u001f"], "é": {}, "z": [], "ab": 0.000001, "c": -3}'::jsonb::text
    const value = { bb: 1, a: [1.5, true, null, 'x"\n\u001f'], é: {}, z: [], ab: 0.000001, c: -3 };
    expect(jsonbText(value)).toBe('{"a": [1.5, true, null, "x\\"\\n\\u001f"], "c": -3, "z": [], "ab": 0.000001, "bb": 1, "é": {}}');
  });

  it('writes what JSON makes of dates and undefined fields, and null for no changes', () => {
    expect(jsonbText({ at: { to: new Date('2026-01-02T03:04:05.006Z') }, gone: undefined })).toBe('{"at": {"to": "2026-01-02T03:04:05.006Z"}}');
    expect(jsonbText(null)).toBeNull();
    expect(jsonbText(undefined)).toBeNull();
  });

  it('declines numbers that JavaScript writes with an exponent (jsonb prints them in full)', () => {
    expect(jsonbText({ big: { to: 1e21 } })).toBeUndefined();
    expect(jsonbText({ small: { to: 1e-7 } })).toBeUndefined();
  });
});
