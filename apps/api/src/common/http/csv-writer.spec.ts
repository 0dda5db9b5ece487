import { toCsv } from './csv-writer';

describe('toCsv', () => {
  it('quotes every field, doubles quotes and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x "y"', 'line1\nline2'], [1, null]])).toBe('"a","b"\r\n"x ""y""","line1\nline2"\r\n"1",""\r\n');
  });
  it('defuses spreadsheet formulas in text cells but keeps negative numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['@SUM(A1)'], ['+1'], [-2]])).toBe('"v"\r\n"\'=HYPERLINK(""x"")"\r\n"\'@SUM(A1)"\r\n"\'+1"\r\n"-2"\r\n');
  });
});
