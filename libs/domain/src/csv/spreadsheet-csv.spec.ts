import { guardSpreadsheetCell, isSpreadsheetFormula, spreadsheetCsv, UTF8_BOM } from './spreadsheet-csv';

describe('spreadsheet-safe CSV', () => {
  it('starts with the UTF-8 byte-order mark, quotes every field, doubles quotes and ends lines with CRLF', () => {
    expect(spreadsheetCsv(['a', 'b'], [['x "y"', 'line1\nline2'], [1, null]])).toBe(`${UTF8_BOM}"a","b"\r\n"x ""y""","line1\nline2"\r\n"1",""\r\n`);
    expect(spreadsheetCsv(['Łódź'], [['Zoë'], ['王']])).toBe(`${UTF8_BOM}"Łódź"\r\n"Zoë"\r\n"王"\r\n`);
  });

  it('leaves an E.164 phone and other plain numbers as they are (a spreadsheet reads them as numbers)', () => {
    for (const plain of ['+17185551004', '+442079460958', '-2', '-0.5', '+3', '-.5', '1e3', '-1E-3', '0042']) {
      expect(isSpreadsheetFormula(plain)).toBe(false);
      expect(guardSpreadsheetCell(plain)).toBe(plain);
    }
    expect(guardSpreadsheetCell(-2)).toBe('-2');
    expect(spreadsheetCsv(['Phone'], [['+17185551004']])).toBe(`${UTF8_BOM}"Phone"\r\n"+17185551004"\r\n`);
  });

  it('turns what a spreadsheet would evaluate into text with a leading apostrophe (OWASP CSV injection)', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
      ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
      ['+1 (718) 555-1004', `'+1 (718) 555-1004`],
      ['+A1', `'+A1`],
      ['-2+3', `'-2+3`],
      ['-', `'-`],
      ['\t=1+1', `'\t=1+1`],
      ['\r=1+1', `'\r=1+1`],
      ['=1+1', `'=1+1`],
    ];
    for (const [value, shown] of cases) {
      expect(isSpreadsheetFormula(value)).toBe(true);
      expect(guardSpreadsheetCell(value)).toBe(shown);
    }
    expect(spreadsheetCsv(['v'], [['=HYPERLINK("x")']])).toBe(`${UTF8_BOM}"v"\r\n"'=HYPERLINK(""x"")"\r\n`);
  });

  it('leaves ordinary text alone, including a formula character later in the cell', () => {
    for (const text of ['Thompson', 'a=b', 'O\'Brien', 'Mary-Jane', '2026-05-12', 'lot A-1', '']) expect(guardSpreadsheetCell(text)).toBe(text);
    expect(guardSpreadsheetCell(null)).toBe('');
    expect(guardSpreadsheetCell(undefined)).toBe('');
  });
});
