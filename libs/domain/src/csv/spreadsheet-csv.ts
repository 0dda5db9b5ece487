/**
 * CSV that spreadsheets open correctly and safely, for every file the product hands out (the API's exports, the
 * dashboard's import template). One place for the rules:
 *
 * - RFC 4180: every field quoted, quotes doubled, CRLF line ends;
 * - UTF-8 with a byte-order mark: without it Excel on Windows reads the file in the PC's ANSI code page and shows
 *   "Łódź" as "ÅÃ³dÅº";
 * - a formula guard (OWASP "CSV Injection"): a cell a spreadsheet would evaluate is prefixed with an apostrophe, so
 *   exported patient data can never run. A plain number is not a formula, so "+17185551004" (an E.164 phone) and
 *   "-2" are left as they are.
 */

/** U+FEFF, written first: the UTF-8 byte-order mark (EF BB BF on the wire). */
export const UTF8_BOM = '\uFEFF';

export type CsvCellValue = string | number | null | undefined;

/** A decimal number a spreadsheet reads as a number ("-2", "+17185551004", "3.5", "1e3"), not as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What a spreadsheet evaluates at the start of a cell (OWASP): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a cell would be evaluated by a spreadsheet: it starts with = + - @ tab or CR and is not a plain number. */
export function isSpreadsheetFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The cell's text as a spreadsheet should see it: a formula is turned into text with a leading apostrophe. */
export function guardSpreadsheetCell(value: CsvCellValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return isSpreadsheetFormula(text) ? `'${text}` : text;
}

function csvField(value: CsvCellValue): string {
  return `"${guardSpreadsheetCell(value).replaceAll('"', '""')}"`;
}

/** A whole CSV file: the byte-order mark, the header row and one row per record, each line ending CRLF. */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly CsvCellValue[])[]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
