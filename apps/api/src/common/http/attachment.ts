import { encodeExtended, format } from 'content-disposition';

/** Characters no file system takes in a name (Windows is the strictest), list separators and whitespace. */
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*,;\s]+/g; // eslint-disable-line no-control-regex

/**
 * One part of a file name (joined to others after a fixed prefix), safe everywhere: characters Windows, macOS or
 * Linux refuse (slashes, colons, quotes, control characters), list separators and whitespace become "-", letters of
 * any script stay. At most maxChars characters (code points, so no letter is cut in half); no trailing dot or dash
 * (Windows drops a trailing dot).
 */
export function fileNamePart(text: string, maxChars = 80): string {
  const cleaned = text.normalize('NFC').trim().replace(UNSAFE_IN_FILE_NAME, '-');
  return Array.from(cleaned).slice(0, maxChars).join('').replace(/[-.]+$/, '');
}

/** The ASCII spelling of a file name for old clients: accents dropped (Zoë -> Zoe), other letters and signs "_". */
export function asciiFileName(fileName: string): string {
  return fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/**
 * Content-Disposition for a download (RFC 6266): the full name in `filename*` (UTF-8, RFC 8187) and an ASCII
 * `filename` fallback, written by the `content-disposition` package so quoting and escaping follow the RFCs.
 */
export function attachmentDisposition(fileName: string): string {
  return format({ type: 'attachment', parameters: { filename: asciiFileName(fileName), 'filename*': encodeExtended(fileName) } });
}
