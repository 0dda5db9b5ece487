import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ALLERGY_CLASSES,
  isoDateInTimeZone,
  normalizePhone,
  PATIENT_SEXES,
  type AllergyClass,
  type PatientSex,
} from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { CappedCountDto, KeysetPageInfoDto, KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { IsEmailAddress } from '../common/dto/is-email-address';

type TransformArgs = { value: unknown };

/** Trims and collapses inner whitespace; leaves non-strings for the validators to refuse. */
const clean = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);
/** Like clean, and an empty string means "none" (null). */
const cleanOrNull = ({ value }: TransformArgs) => {
  const cleaned = clean({ value });
  return cleaned === '' ? null : cleaned;
};
const phone = ({ value }: TransformArgs) => {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return null;
  return normalizePhone(value) ?? value;
};
const email = ({ value }: TransformArgs) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim().toLowerCase()) : value);
const tags = ({ value }: TransformArgs) =>
  Array.isArray(value)
    ? [...new Set(value.map((t: unknown) => (typeof t === 'string' ? t.trim().toLowerCase().replace(/\s+/g, ' ') : t)))]
    : value;
/** Booleans in a query string arrive as text. */
export const queryBoolean = ({ value }: TransformArgs) => (value === 'true' ? true : value === 'false' ? false : value);

/** A phone number already normalized by the `phone` transform: an optional + and 7-15 digits. */
function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^\+?\d{7,15}$/.test(value),
        defaultMessage: (args) => `${args?.property} must be a phone number of 7 to 15 digits (spaces, dashes, dots and brackets allowed)`,
      },
    },
    options,
  );
}

/** A date of birth: not before 1900 and not after today anywhere on Earth (the database checks the same). */
function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBirthDate',
      validator: {
        // Malformed dates are IsCalendarDate's to report.
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
          (value >= '1900-01-01' && value <= isoDateInTimeZone(new Date(), 'Pacific/Kiritimati')),
        defaultMessage: (args) => `${args?.property} must be a date from 1900-01-01 up to today, not in the future`,
      },
    },
    options,
  );
}

function IsFitzpatrickType(): PropertyDecorator {
  return ValidateBy({
    name: 'isFitzpatrickType',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6,
      defaultMessage: (args) => `${args?.property} must be a whole number from 1 (type I) to 6 (type VI)`,
    },
  });
}

export class AddressDto {
  @ApiPropertyOptional({ example: '12 Harbour Street' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(200) line1?: string;
  @ApiPropertyOptional({ example: 'Apt 4' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(200) line2?: string;
  @ApiPropertyOptional({ example: 'Brooklyn' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ example: 'NY', description: 'State, province or county' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @MaxLength(100)
  region?: string;
  @ApiPropertyOptional({ example: '11201' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(20) postalCode?: string;
  @ApiPropertyOptional({ example: 'US' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(100) country?: string;
}

export class EmergencyContactDto {
  @ApiProperty({ example: 'Sam Rivera' }) @Transform(clean) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ example: 'Partner' }) @IsOptional() @Transform(clean) @IsString() @MaxLength(100) relationship?: string;
  @ApiPropertyOptional({ example: '+12125550199', description: 'Normalized like the patient phone' })
  @IsOptional()
  @Transform(phone)
  @IsPhone()
  phone?: string;
}

export class AllergyDto {
  @ApiProperty({ example: 'Lidocaine' }) @Transform(clean) @IsString() @Length(1, 100) substance!: string;

  @ApiPropertyOptional({
    enum: ALLERGY_CLASSES,
    description: 'Amide or ester anaesthetic, nickel, latex or other. When left out it is inferred from well-known substances (lidocaine: amide).',
  })
  @IsOptional()
  @IsIn(ALLERGY_CLASSES, { message: `class must be one of ${ALLERGY_CLASSES.join(', ')}` })
  class?: AllergyClass;
}

export class CreatePatientDto {
  @ApiProperty({ example: 'Margaret' }) @Transform(clean) @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ example: 'Thompson' }) @Transform(clean) @IsString() @Length(1, 100) lastName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Peggy' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 100)
  preferredName?: string | null;

  @ApiProperty({ format: 'date', example: '1984-03-12' })
  @IsCalendarDate()
  @IsBirthDate()
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: PATIENT_SEXES, default: 'unknown', description: 'Administrative sex (HL7 FHIR codes)' })
  @IsOptional()
  @IsIn(PATIENT_SEXES, { message: `sex must be one of ${PATIENT_SEXES.join(', ')}` })
  sex?: PatientSex;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+1 (212) 555-0100',
    description: 'Any common format; stored as an optional + and the digits (+12125550100)',
  })
  @IsOptional()
  @Transform(phone)
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'margaret@example.com', description: 'Stored lower-cased' })
  @IsOptional()
  @Transform(email)
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @ApiPropertyOptional({ type: EmergencyContactDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 6, description: 'Fitzpatrick phototype I-VI as 1-6' })
  @IsOptional()
  @IsFitzpatrickType()
  fitzpatrickType?: number | null;

  @ApiPropertyOptional({ type: [AllergyDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AllergyDto)
  allergies?: AllergyDto[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], example: ['vip', 'acne-scar course'], description: 'Stored trimmed, lower-cased, without repeats' })
  @IsOptional()
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 40, { each: true, message: 'each tag must be 1 to 40 characters' })
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: "The patient's id in a previous system; unique in the organization" })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 100)
  externalId?: string | null;

  @ApiPropertyOptional({
    description: 'Create even though a likely duplicate exists (same name and date of birth, or same email or phone). Without it such a request is answered 409 with the candidates.',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

/**
 * Any subset of the fields; null clears an optional field. Name, date of birth and sex cannot be cleared.
 * Changing the name, date of birth, email or phone is checked for duplicates like a create.
 */
export class UpdatePatientDto extends PartialType(OmitType(CreatePatientDto, ['firstName', 'lastName', 'dateOfBirth', 'sex'] as const)) {
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Transform(clean) @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Transform(clean) @IsString() @Length(1, 100) lastName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((_, v) => v !== undefined)
  @IsCalendarDate()
  @IsBirthDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: PATIENT_SEXES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(PATIENT_SEXES, { message: `sex must be one of ${PATIENT_SEXES.join(', ')}` })
  sex?: PatientSex;
}

export class ArchivePatientDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Moved away', maxLength: 500 })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class PatientAllergyDto {
  @ApiProperty() substance!: string;
  @ApiProperty({ enum: ALLERGY_CLASSES }) class!: AllergyClass;
}

export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SL-000123', description: 'Medical record number, assigned in order within the organization' }) mrn!: string;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ type: String, nullable: true }) preferredName!: string | null;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: PATIENT_SEXES }) sex!: PatientSex;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: AddressDto, nullable: true }) address!: AddressDto | null;
  @ApiProperty({ type: EmergencyContactDto, nullable: true }) emergencyContact!: EmergencyContactDto | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 6 }) fitzpatrickType!: number | null;
  @ApiProperty({ type: [PatientAllergyDto] }) allergies!: PatientAllergyDto[];
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) archiveReason!: string | null;
  @ApiProperty({ description: 'Registered by the patient herself when booking online: staff verify her identity at check-in' }) selfRegistered!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a staff member verified the identity of a self-registered patient (null: not yet, or not self-registered)' })
  identityVerifiedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who verified it' }) identityVerifiedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set when this record was merged into another (it is archived and left out of lists and search)' })
  mergedIntoPatientId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PatientSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SL-000123' }) mrn!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ type: String, nullable: true }) preferredName!: string | null;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [PatientAllergyDto], description: 'Shown on every list so an allergy is never missed' }) allergies!: PatientAllergyDto[];
  @ApiProperty() archived!: boolean;
}

export class PatientSearchQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({
    description: 'Name (typo-tolerant), phone digits in any format (also the last digits alone), email (or its start) or MRN. Without it: all patients by last name.',
    example: 'margaret thompsen',
  })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Include archived patients (hidden by default)', default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;

  @ApiPropertyOptional({ description: 'Only patients carrying this tag', example: 'acne scars' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(50)
  tag?: string;
}

export class PatientTagCountDto {
  @ApiProperty({ example: 'acne scars' }) tag!: string;
  @ApiProperty({ description: 'Patients (not archived) carrying the tag' }) patients!: number;
}

export class PatientPageDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [PatientSummaryDto], description: 'Best match first when searching: exact MRN, e-mail or phone; phones ending in the digits; e-mails starting with the term; surnames, then first names starting with it; close names (typos) only when no name starts with it. By last name, first name otherwise' })
  items!: PatientSummaryDto[];
  @ApiPropertyOptional({ type: CappedCountDto, description: 'Patients in the list, counted up to 1,000; only without a search term (a search tells hasMore instead)' })
  total?: CappedCountDto;
}

export class DuplicateCandidateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SL-000123' }) mrn!: string;
  @ApiProperty({ example: 'Margaret Thompson' }) name!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ type: [String], example: ['name_and_date_of_birth'], description: 'name_and_date_of_birth, email and/or phone' })
  matchedOn!: string[];
}

export class DuplicatePatientProblemDto extends ProblemDocumentDto {
  @ApiProperty({ type: [DuplicateCandidateDto], description: 'Patients this one is likely the same person as' })
  candidates!: DuplicateCandidateDto[];
}
