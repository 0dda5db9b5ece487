import type { ImportReport } from '@web/features/patients/patientTypes';

const ENCODING_WORDS: Record<ImportReport['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte-order mark (Excel’s “CSV UTF-8”)',
  'utf-16le-bom': 'UTF-16 (Excel’s “Unicode Text”)',
  'utf-16be-bom': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Excel’s plain “CSV” on a Windows PC)',
};

const DELIMITER_WORDS: Record<ImportReport['delimiter'], string> = { comma: 'commas', semicolon: 'semicolons', tab: 'tabs' };

/** How the API read the file, in words: the encoding and the separator it detected. */
export function importFileText(report: Pick<ImportReport, 'encoding' | 'delimiter'>): string {
  return `Read as ${ENCODING_WORDS[report.encoding]}, with columns separated by ${DELIMITER_WORDS[report.delimiter]}.`;
}
