import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv';
import { decodeCsvBytes, NotCsvError } from './csv-encoding';

const cells = (text: string, delimiter?: Parameters<typeof parseCsv>[1]) => parseCsv(text, delimiter).map((r) => r.cells);

describe('parseCsv (RFC 4180, through csv-parse)', () => {
  it('splits records and fields', () => {
    expect(cells('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF and CR line endings, mixed, and a missing final line break', () => {
    expect(cells('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(cells('a,,c,\r\n,x,,\r\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('reads quoted fields with separators, escaped quotes and embedded line breaks', () => {
    const text = 'name,notes\r\n"Thompson, Margaret","Said ""hi""\r\nthen left"\r\n"",x\r\n';
    expect(cells(text)).toEqual([
      ['name', 'notes'],
      ['Thompson, Margaret', 'Said "hi"\r\nthen left'],
      ['', 'x'],
    ]);
    expect(cells('name;notes\r\n"Thompson; Margaret";"Said ""hi"", then left"\r\n', 'semicolon')).toEqual([
      ['name', 'notes'],
      ['Thompson; Margaret', 'Said "hi", then left'],
    ]);
  });

  it('skips blank lines and rows of empty cells, keeping the spreadsheet row numbers of the others', () => {
    expect(parseCsv('\uFEFFa;b\r\n\r\n1;2\r\n;\r\n3;4\r\n\r\n', 'semicolon')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['1', '2'] },
      { row: 5, cells: ['3', '4'] },
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps spaces as data', () => {
    expect(cells(' a , b ')).toEqual([[' a ', ' b ']]);
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

describe('detectDelimiter', () => {
  it('finds the separator that splits the header into the most columns', () => {
    expect(detectDelimiter('firstName,lastName,dateOfBirth\nAda,Lovelace,1815-12-10')).toBe('comma');
    expect(detectDelimiter('firstName;lastName;dateOfBirth\nAda;"Love, lace";1815-12-10')).toBe('semicolon');
    expect(detectDelimiter('First Name\tSurname\tDOB\nAda\tLovelace\t1815-12-10')).toBe('tab');
    expect(detectDelimiter('\r\n\r\nfirstName;lastName\n')).toBe('semicolon');
  });

  it('is not misled by separators inside quoted headers or later rows, and prefers the comma on a tie', () => {
    expect(detectDelimiter('"Name; full",DOB\nAda;Lovelace;x,1815-12-10')).toBe('comma');
    expect(detectDelimiter('firstName\nAda;Lovelace,x')).toBe('comma');
    expect(detectDelimiter('')).toBe('comma');
  });
});

describe('decodeCsvBytes', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8, and UTF-8 after a byte-order mark without the mark', () => {
    expect(decodeCsvBytes(utf8('Zoë,Łódź,王'))).toEqual({ text: 'Zoë,Łódź,王', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Zoë')]))).toEqual({ text: 'Zoë', encoding: 'utf-8-bom' });
    expect(decodeCsvBytes(utf8('plain ascii'))).toEqual({ text: 'plain ascii', encoding: 'utf-8' });
  });

  it('reads what is not UTF-8 as Windows-1252 (Excel\'s plain CSV on a Western PC), € included', () => {
    // Z o ë , M ü l l e r , € in Windows-1252
    const bytes = Uint8Array.from([0x5a, 0x6f, 0xeb, 0x2c, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x80]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Zoë,Müller,€', encoding: 'windows-1252' });
    // The 0x80-0x9F range Windows-1252 adds to Latin-1: Excel's smart quotes and dashes in "O’Brien – “Peggy”".
    const smart = Uint8Array.from([0x4f, 0x92, 0x42, 0x20, 0x96, 0x20, 0x93, 0x50, 0x94, 0x20, 0x97, 0x20, 0x8a, 0x9e, 0x9c]);
    expect(decodeCsvBytes(smart).text).toBe('O’B – “P” — Šžœ');
  });

  it('reads UTF-16 with a byte-order mark (Excel\'s "Unicode text")', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]))).toEqual({ text: 'Zë', encoding: 'utf-16le-bom' });
    expect(decodeCsvBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x5a, 0x00, 0xeb]))).toEqual({ text: 'Zë', encoding: 'utf-16be-bom' });
  });

  it('refuses a workbook and a file that breaks the encoding its byte-order mark promises', () => {
    expect(() => decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toThrow(NotCsvError);
    expect(() => decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x5a, 0xeb, 0x2c]))).toThrow(/UTF-8 byte-order mark but is not UTF-8/);
  });
});
