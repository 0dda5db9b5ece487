/** How an uploaded file's bytes were read, as the import report names it. */
export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** A file that is not text at all (a workbook saved as .xlsx or .xls): refused with what to do instead. */
export class NotCsvError extends Error {}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes an upload the way spreadsheets write it. A byte-order mark decides (Excel's "CSV UTF-8" writes EF BB BF,
 * its "Unicode text" FF FE); without one, the file is UTF-8 when it decodes as UTF-8 without a single error, and
 * otherwise Windows-1252, the ANSI code page Excel's plain "CSV" uses on Western PCs (a UTF-8 decode fails on its
 * single-byte letters such as ë = EB; ASCII files are both and read as UTF-8). The mark is not part of the text.
 * Node's TextDecoder does the decoding (WHATWG Encoding, ICU).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new NotCsvError('an Excel workbook (or another ZIP or OLE file), not CSV: in Excel choose File › Save As › "CSV UTF-8 (Comma delimited)"');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: strictly('utf-8', bytes, 'a UTF-8 byte-order mark'), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: strictly('utf-16le', bytes, 'a UTF-16 byte-order mark'), encoding: 'utf-16le-bom' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: strictly('utf-16be', bytes, 'a UTF-16 byte-order mark'), encoding: 'utf-16be-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 by the WHATWG table. Node 20's one-shot decode takes a Latin-1 shortcut that turns 0x80-0x9F
 * (€ ’ “ ” – — Š Ž œ ...) into control characters (nodejs/node#56542); the streaming decode goes through ICU and
 * maps them right, so the bytes are decoded as one streamed chunk and flushed.
 */
function windows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** A file whose byte-order mark promises an encoding it then breaks is refused, not guessed at. */
function strictly(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, mark: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new NotCsvError(`starts with ${mark} but is not ${label.toUpperCase()} text; save it again as "CSV UTF-8"`);
  }
}
