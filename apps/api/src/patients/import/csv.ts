import { CsvError, parse, type Options } from 'csv-parse/sync';

/** The field separators spreadsheets write: "," (RFC 4180), ";" (Excel where "," is the decimal comma), tab. */
export const CSV_DELIMITERS = ['comma', 'semicolon', 'tab'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
const DELIMITER_CHARACTERS: Record<CsvDelimiter, string> = { comma: ',', semicolon: ';', tab: '\t' };

/** A CSV file that cannot be read: an unterminated quote, or a quote where RFC 4180 allows none. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
  }
}

/** A record of the file and its spreadsheet row (the header is row 1; blank lines count, as a spreadsheet shows them). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * RFC 4180 as csv-parse reads it: fields in double quotes may hold separators, line breaks and doubled quotes;
 * records end in CRLF, LF or CR; spaces are data. A leftover byte-order mark is dropped.
 */
const OPTIONS: Options = { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] };

/** csv-parse's error codes, in the words of someone fixing the file in a spreadsheet. */
const SYNTAX_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote; a quote inside a quoted field is written twice ("")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field; put the whole field in quotes and double the quote',
};

/**
 * The separator of a file: the one that splits its header row into the most columns (ties go to the comma). The
 * header is the safest row to count on, since a column name rarely holds a separator while a note often does.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const width = (delimiter: CsvDelimiter): number => {
    try {
      const [header] = parse(text.replace(/^[\r\n]+/, ''), { ...OPTIONS, delimiter: DELIMITER_CHARACTERS[delimiter], to: 1, relax_quotes: true });
      return header?.length ?? 0;
    } catch {
      return 0;
    }
  };
  let best: CsvDelimiter = 'comma';
  for (const candidate of CSV_DELIMITERS) if (width(candidate) > width(best)) best = candidate;
  return best;
}

/**
 * The records of a file, each with its spreadsheet row; blank lines and rows of empty cells (Excel writes ";;;" for
 * a formatted but empty row) are left out without shifting the numbers of the rows after them.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = 'comma'): CsvRecord[] {
  let records: string[][];
  try {
    records = parse(text, { ...OPTIONS, delimiter: DELIMITER_CHARACTERS[delimiter] });
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the records read before the one that failed (blank lines included).
      const row = Number(error.records ?? 0) + 1;
      throw new CsvSyntaxError(row, SYNTAX_PROBLEMS[error.code] ?? error.message);
    }
    throw error;
  }
  return records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((cell) => cell !== ''));
}
