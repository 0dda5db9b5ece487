import { spreadsheetCsv, type CsvCellValue } from '@skinledger/domain';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from './attachment';

/**
 * Every CSV the API hands out goes through here: the file is written by the domain's spreadsheet-safe writer (UTF-8
 * with a byte-order mark, RFC 4180 quoting, the OWASP formula guard that leaves plain numbers such as E.164 phones
 * alone) and sent as a download with its full name (RFC 6266 `filename*` plus an ASCII fallback). Patient data is
 * never cached.
 */
export function sendCsv(reply: FastifyReply, fileName: string, header: readonly string[], rows: readonly (readonly CsvCellValue[])[]): string {
  void reply.header('Content-Type', 'text/csv; charset=utf-8; header=present');
  void reply.header('Content-Disposition', attachmentDisposition(fileName));
  void reply.header('Cache-Control', 'no-store');
  return spreadsheetCsv(header, rows);
}
