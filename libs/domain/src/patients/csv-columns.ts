/**
 * The columns a patient CSV import understands, by their canonical names. The API reads files by them and the
 * dashboard's template writes them, so both take the list from here.
 */
export const PATIENT_CSV_COLUMNS = [
  'externalId',
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'emergencyContactName',
  'emergencyContactRelationship',
  'emergencyContactPhone',
  'fitzpatrickType',
  'allergies',
  'notes',
  'tags',
] as const;
export type PatientCsvColumn = (typeof PATIENT_CSV_COLUMNS)[number];

export const REQUIRED_PATIENT_CSV_COLUMNS: readonly PatientCsvColumn[] = ['firstName', 'lastName', 'dateOfBirth'];
