import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF and CR line endings and a missing final line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv('a,,c,\r\n,,,\r\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and embedded line breaks', () => {
    const text = 'name,notes\r\n"Thompson, Margaret","Said ""hi""\r\nthen left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'notes'],
      ['Thompson, Margaret', 'Said "hi"\r\nthen left'],
      ['', 'x'],
    ]);
  });

  it('reads a quoted last field without a final line break', () => {
    expect(parseCsv('a,"b\nc"')).toEqual([['a', 'b\nc']]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('drops a byte-order mark and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps spaces as data', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('refuses malformed quoting, naming the record', () => {
    expect(() => parseCsv('a,b\r\n1,"2\r\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\r\n"x"y\r\n')).toThrow(/row 2: text after a closing quote/);
    expect(() => parseCsv('a\r\nb\r\nx"y\r\n')).toThrow(/row 3: a quote inside an unquoted field/);
  });

  it('counts records, not lines, when a field holds line breaks', () => {
    expect(() => parseCsv('a\r\n"1\r\n2"\r\nx"\r\n')).toThrow(/row 3:/);
  });
});
