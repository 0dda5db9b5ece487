import { PATIENT_CSV_COLUMNS, spreadsheetCsv } from '@skinledger/domain';

/**
 * A starting file for imports, with the columns the API reads (POST /api/patients/import documents them; it also
 * accepts common other spellings such as DOB or Surname, and reports columns it does not know).
 */
const COLUMNS = PATIENT_CSV_COLUMNS;

const EXAMPLE = [
  'A-1001',
  'Margaret',
  'Thompson',
  'Peggy',
  '1984-03-12',
  'female',
  '(212) 555-0100',
  'margaret@example.com',
  '12 Harbour Street',
  'Apt 4',
  'Brooklyn',
  'NY',
  '11201',
  'US',
  'Sam Rivera',
  'Partner',
  '(212) 555-0199',
  'III',
  'Lidocaine; Surgical steel: nickel',
  '',
  'acne-scar course',
];

export const REQUIRED_COLUMNS_TEXT = 'firstName, lastName and dateOfBirth (YYYY-MM-DD)';

/** Written like every CSV the product hands out (UTF-8 with a byte-order mark, so Excel reads it as UTF-8). */
export function csvTemplate(): string {
  return spreadsheetCsv(COLUMNS, [EXAMPLE]);
}
