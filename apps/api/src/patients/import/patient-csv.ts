import {
  parseFitzpatrickType,
  PATIENT_CSV_COLUMNS,
  REQUIRED_PATIENT_CSV_COLUMNS,
  type PatientCsvColumn,
} from '@skinledger/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/problems/validation';
import { CreatePatientDto } from '../patient.dto';

/** Other spellings of column names that exports of other systems commonly use. Matching ignores case and punctuation. */
const ALIASES: Record<string, PatientCsvColumn> = {
  id: 'externalId',
  patientid: 'externalId',
  legacyid: 'externalId',
  givenname: 'firstName',
  forename: 'firstName',
  surname: 'lastName',
  familyname: 'lastName',
  nickname: 'preferredName',
  dob: 'dateOfBirth',
  birthdate: 'dateOfBirth',
  gender: 'sex',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  cellphone: 'phone',
  telephone: 'phone',
  emailaddress: 'email',
  address: 'addressLine1',
  address1: 'addressLine1',
  street: 'addressLine1',
  address2: 'addressLine2',
  town: 'city',
  state: 'region',
  province: 'region',
  county: 'region',
  postcode: 'postalCode',
  zip: 'postalCode',
  zipcode: 'postalCode',
  emergencycontact: 'emergencyContactName',
  fitzpatrick: 'fitzpatrickType',
  phototype: 'fitzpatrickType',
  skintype: 'fitzpatrickType',
};

const KEY_TO_COLUMN = new Map<string, PatientCsvColumn>([
  ...PATIENT_CSV_COLUMNS.map((c) => [c.toLowerCase(), c] as [string, PatientCsvColumn]),
  ...Object.entries(ALIASES),
]);

export interface ImportProblem {
  row: number;
  field: string;
  problem: string;
}

export interface CsvHeader {
  /** Column position -> canonical column. */
  columns: (PatientCsvColumn | null)[];
  /** Canonical column -> the header text as written, for messages. */
  labels: Partial<Record<PatientCsvColumn, string>>;
  problems: ImportProblem[];
}

export function readHeader(cells: readonly string[]): CsvHeader {
  const header: CsvHeader = { columns: [], labels: {}, problems: [] };
  for (const cell of cells) {
    const label = cell.trim();
    const column = KEY_TO_COLUMN.get(label.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
    if (!column) {
      header.problems.push({ row: 1, field: label, problem: `unknown column; expected some of ${PATIENT_CSV_COLUMNS.join(', ')}` });
    } else if (header.labels[column] !== undefined) {
      header.problems.push({ row: 1, field: label, problem: `the same column as "${header.labels[column]}"` });
    } else {
      header.labels[column] = label;
    }
    header.columns.push(column);
  }
  for (const column of REQUIRED_PATIENT_CSV_COLUMNS) {
    if (header.labels[column] === undefined) header.problems.push({ row: 1, field: column, problem: 'required column is missing' });
  }
  return header;
}

export type ParsedRow = { row: number; patient: CreatePatientDto; problems: [] } | { row: number; patient: null; problems: ImportProblem[] };

const SEXES: Record<string, string> = { f: 'female', m: 'male', o: 'other', u: 'unknown', x: 'other' };

/** Lists in one cell: "a; b" or "a | b". */
function list(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * One data row as a CreatePatientDto, validated with exactly the rules of POST /api/patients. Empty cells are
 * absent values. Allergies are written "Lidocaine; Surgical steel: nickel" (substance, optionally ": class").
 * Problems name the column as the file's header writes it.
 */
export function readPatientRow(header: CsvHeader, cells: readonly string[], row: number): ParsedRow {
  const value: Partial<Record<PatientCsvColumn, string>> = {};
  const problems: ImportProblem[] = [];
  if (cells.length > header.columns.length) {
    problems.push({ row, field: '(row)', problem: `${cells.length} cells but the header has ${header.columns.length} columns` });
  }
  header.columns.forEach((column, i) => {
    const cell = (cells[i] ?? '').trim();
    if (column && cell !== '') value[column] = cell;
  });

  const plain: Record<string, unknown> = {
    externalId: value.externalId,
    firstName: value.firstName ?? '',
    lastName: value.lastName ?? '',
    preferredName: value.preferredName,
    dateOfBirth: value.dateOfBirth ?? '',
    sex: value.sex ? (SEXES[value.sex.toLowerCase()] ?? value.sex.toLowerCase()) : undefined,
    phone: value.phone,
    email: value.email,
    notes: value.notes,
    tags: value.tags ? list(value.tags) : undefined,
    fitzpatrickType: value.fitzpatrickType ? (parseFitzpatrickType(value.fitzpatrickType) ?? value.fitzpatrickType) : undefined,
    allergies: value.allergies
      ? list(value.allergies).map((entry) => {
          const [substance, allergyClass] = entry.split(':').map((part) => part.trim());
          return allergyClass ? { substance, class: allergyClass.toLowerCase() } : { substance };
        })
      : undefined,
  };
  if (value.addressLine1 || value.addressLine2 || value.city || value.region || value.postalCode || value.country) {
    plain.address = {
      line1: value.addressLine1,
      line2: value.addressLine2,
      city: value.city,
      region: value.region,
      postalCode: value.postalCode,
      country: value.country,
    };
  }
  if (value.emergencyContactName || value.emergencyContactRelationship || value.emergencyContactPhone) {
    plain.emergencyContact = {
      name: value.emergencyContactName ?? '',
      relationship: value.emergencyContactRelationship,
      phone: value.emergencyContactPhone,
    };
  }

  const patient = plainToInstance(CreatePatientDto, stripUndefined(plain));
  const errors = flattenValidationErrors(validateSync(patient, { whitelist: true, forbidNonWhitelisted: true }));
  for (const error of errors) problems.push({ row, field: columnLabel(header, error.field), problem: error.message });
  return problems.length > 0 ? { row, patient: null, problems } : { row, patient, problems: [] };
}

/** DTO paths of nested fields and the column each comes from. */
const NESTED_COLUMNS: Record<string, PatientCsvColumn> = {
  'address.line1': 'addressLine1',
  'address.line2': 'addressLine2',
  'address.city': 'city',
  'address.region': 'region',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
  'emergencyContact.name': 'emergencyContactName',
  'emergencyContact.relationship': 'emergencyContactRelationship',
  'emergencyContact.phone': 'emergencyContactPhone',
};

/** The header text for a DTO path: "address.postalCode" -> "Zip", "allergies[1].class" -> "allergies". */
function columnLabel(header: CsvHeader, path: string): string {
  const plainPath = path.replace(/\[\d+\]/g, '');
  const head = plainPath.split('.')[0];
  const column = NESTED_COLUMNS[plainPath] ?? PATIENT_CSV_COLUMNS.find((c) => c === head);
  return column ? (header.labels[column] ?? column) : path;
}

function stripUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? stripUndefined(v as Record<string, unknown>) : v]),
  ) as T;
}
