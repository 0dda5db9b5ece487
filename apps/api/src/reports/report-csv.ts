import type { CsvCellValue } from '@skinledger/domain';

/** A report as a spreadsheet: its file name, column headings and rows (written by common/http/csv-writer). */
export interface ReportCsv {
  fileName: string;
  header: string[];
  rows: CsvCellValue[][];
}
