import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { queryBoolean } from '../patient.dto';
import { CSV_DELIMITERS, type CsvDelimiter } from './csv';
import { CSV_ENCODINGS, type CsvEncoding } from './csv-encoding';

export class PatientImportQueryDto {
  @ApiPropertyOptional({
    default: true,
    description: 'true (the default): only check the file and report what an import would do. false: import the valid rows.',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class ImportProblemDto {
  @ApiProperty({ example: 3, description: 'Spreadsheet row: the header is row 1, the first patient row 2' }) row!: number;
  @ApiProperty({ example: 'DOB', description: 'The column as the file names it' }) field!: string;
  @ApiProperty({ example: 'dateOfBirth must be a calendar date written YYYY-MM-DD' }) problem!: string;
}

export class ImportRowResultDto {
  @ApiProperty({ example: 2 }) row!: number;
  @ApiProperty({
    enum: ['created', 'existing', 'invalid'],
    description: 'created: a new patient (in a dry run: would be); existing: the patient is already registered, nothing is written; invalid: see problems',
  })
  status!: 'created' | 'existing' | 'invalid';
  @ApiPropertyOptional({ format: 'uuid', description: 'The new or matched patient (not for rows a dry run would create)' })
  patientId?: string;
  @ApiPropertyOptional({ example: 'SL-000123' }) mrn?: string;
  @ApiPropertyOptional({ type: [String], example: ['externalId'], description: 'For existing rows: externalId, or the duplicate rule that matched' })
  matchedOn?: string[];
}

export class PatientImportReportDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({
    enum: CSV_ENCODINGS,
    enumName: 'CsvEncoding',
    description:
      'How the file was read: utf-8, utf-8-bom (Excel\'s "CSV UTF-8"), utf-16le-bom / utf-16be-bom ("Unicode text"), or windows-1252 ' +
      '(Excel\'s plain "CSV" on a Western PC: the file was not UTF-8)',
  })
  encoding!: CsvEncoding;
  @ApiProperty({
    enum: CSV_DELIMITERS,
    enumName: 'CsvDelimiter',
    description: 'The field separator found in the header row: comma, semicolon (Excel where the decimal mark is a comma) or tab',
  })
  delimiter!: CsvDelimiter;
  @ApiProperty({ description: 'Whether patients were written: false for a dry run and for a file with column problems' }) written!: boolean;
  @ApiProperty({ description: 'Patient rows in the file (the header not counted)' }) rows!: number;
  @ApiProperty({ description: 'Rows that create a patient (in a dry run: would create one)' }) created!: number;
  @ApiProperty({ description: 'Rows whose patient is already registered; importing the same file again creates nobody twice' }) existing!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ type: [ImportProblemDto], description: 'Every problem, row by row; problems on row 1 are column problems and stop the import' })
  problems!: ImportProblemDto[];
  @ApiProperty({ type: [ImportRowResultDto] }) results!: ImportRowResultDto[];
}
