/** A CSV file that cannot be read: an unterminated quote, or text between a closing quote and the next comma. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
  }
}

/**
 * Parses CSV as RFC 4180 writes it: comma-separated fields, records ending in CRLF (a bare LF or CR is accepted
 * too), fields in double quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte-order mark is
 * dropped, a final line break does not start a record, and blank lines are skipped. Row numbers count records, so
 * a quoted line break does not shift them: the header is row 1, as a spreadsheet shows it.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted and its closing quote was seen
  let row = 1;

  const endField = () => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    // A blank line is one empty unquoted field: skip it.
    const blank = record.length === 0 && field === '' && !wasQuoted;
    endField();
    if (!blank) records.push(record);
    record = [];
    row += 1;
  };

  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (input[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        wasQuoted = true;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
    } else if (wasQuoted) {
      throw new CsvSyntaxError(row, 'text after a closing quote; a quote inside a quoted field is written twice ("")');
    } else if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(row, 'a quote inside an unquoted field; put the whole field in quotes and double the quote');
      quoted = true;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError(row, 'a quoted field is never closed');
  if (field !== '' || wasQuoted || record.length > 0) endRecord();
  return records;
}
