import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_KINDS, CONSENT_STATUSES, type ConsentKind, type ConsentStatus } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsDecimalNumber } from '../common/dto/is-decimal-number';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { queryBoolean } from '../patients/patient.dto';
import { ConsentAcknowledgementDto } from './consent-templates.dto';

const clean = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);

/** Upper bound for a signature data URL (about 512 KiB of image); the image itself is checked by the service. */
export const SIGNATURE_MAX_LENGTH = 700_000;

export class CreateConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId!: string;

  @ApiPropertyOptional({ example: 'Medical micro-needling, full face', description: "Fills {{procedure}}; defaults to the template's title" })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 200, { message: 'procedure must be 1 to 200 characters' })
  procedure?: string;

  @ApiPropertyOptional({ type: Number, example: 0.5, description: 'Fills {{depthRange}} with depthMaxMm' })
  @IsOptional()
  @IsDecimalNumber(2, { message: 'depthMinMm must be a number of millimetres' })
  @Min(0.1, { message: 'depthMinMm must be at least 0.1' })
  @Max(3, { message: 'depthMinMm must be at most 3.0' })
  depthMinMm?: number;

  @ApiPropertyOptional({ type: Number, example: 1.5 })
  @IsOptional()
  @IsDecimalNumber(2, { message: 'depthMaxMm must be a number of millimetres' })
  @Min(0.1, { message: 'depthMaxMm must be at least 0.1' })
  @Max(3, { message: 'depthMaxMm must be at most 3.0' })
  depthMaxMm?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The treating practitioner (fills {{practitioner}}): a physician, nurse or aesthetician whose licence is current today and allows the ' +
      "consent's depth. Defaults to the signed-in staff member, which the API refuses (422 not-a-practitioner) when they are not one",
  })
  @IsOptional()
  @IsUUID('all', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;
}

export class SignConsentDto {
  @ApiProperty({ example: 'Jordan Sample', description: 'The full name the patient typed' })
  @Transform(clean)
  @IsString({ message: 'signerName is required' })
  @Length(2, 200, { message: 'signerName must be 2 to 200 characters' })
  signerName!: string;

  @ApiProperty({ type: [String], example: ['a1', 'a2'], description: 'Keys of the acknowledgements the patient ticked' })
  @IsArray({ message: 'acknowledgements must be a list of keys' })
  @ArrayMaxSize(30)
  @IsString({ each: true, message: 'acknowledgements must be a list of keys' })
  @MaxLength(20, { each: true })
  acknowledgements!: string[];

  @ApiProperty({ description: 'The drawn signature: a data:image/png;base64 or data:image/svg+xml;base64 URL' })
  @IsString({ message: 'signature is required' })
  @MaxLength(SIGNATURE_MAX_LENGTH, { message: `signature must be at most ${SIGNATURE_MAX_LENGTH} characters` })
  signature!: string;

  @ApiProperty({ description: 'The patient agreed to sign electronically (ESIGN/UETA), having been told of the right to paper and to withdraw' })
  @IsBoolean({ message: 'electronicSignatureConsent must be true or false' })
  electronicSignatureConsent!: boolean;

  @ApiPropertyOptional({ description: 'The signed-in staff member witnesses in the same request (they are present at the signing)' })
  @IsOptional()
  @IsBoolean({ message: 'witness must be true or false' })
  witness?: boolean;
}

export class StaffPasswordDto {
  @ApiProperty({ description: "The signed-in staff member's password, re-entered when the tablet comes back" })
  @IsString({ message: 'password is required' })
  @Length(1, 200, { message: 'password is required' })
  password!: string;
}

export class RevokeConsentDto {
  @ApiProperty({ example: 'Patient withdrew consent by phone' })
  @Transform(clean)
  @IsString({ message: 'reason is required' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

export class PatientConsentsQueryDto {
  @ApiPropertyOptional({ enum: CONSENT_KINDS })
  @IsOptional()
  @IsIn(CONSENT_KINDS, { message: `kind must be one of ${CONSENT_KINDS.join(', ')}` })
  kind?: ConsentKind;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only consents that count now; false: only those that do not' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'valid must be true or false' })
  valid?: boolean;
}

export class ConsentAppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acne-scar needling (medical)' }) serviceName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ example: 'America/New_York', description: "The appointment location's IANA time zone" }) timeZone!: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty({ type: Number }) templateVersion!: number;
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONSENT_STATUSES }) status!: ConsentStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last clinic-calendar date it counts (inclusive); null until signed' })
  validThrough!: string | null;
  @ApiProperty({ type: Number }) validDays!: number;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Who prepared the consent (not necessarily the practitioner)' }) createdByName!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The treating practitioner the consent names; null only for consents prepared before SkinLedger recorded it',
  })
  practitionerId!: string | null;
  @ApiProperty({ description: 'The treating practitioner as named in the consent the patient signs' }) practitionerName!: string;
  @ApiProperty({ type: ConsentAppointmentDto, nullable: true, description: 'The appointment the consent was prepared for (visit bundle), or null' })
  appointment!: ConsentAppointmentDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerName!: string | null;
  @ApiProperty({ description: 'Signed by the patient through her manage link before the visit (not on the clinic kiosk)' }) signedRemotely!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) witnessedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) witnessName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason!: string | null;
}

export class ConsentDetailDto extends ConsentDto {
  @ApiProperty({ description: 'The frozen text (Markdown) as the patient sees and signs it' }) body!: string;
  @ApiProperty({ type: [ConsentAcknowledgementDto] }) acknowledgements!: ConsentAcknowledgementDto[];
  @ApiProperty({ type: [String], nullable: true, description: 'Keys ticked at signing' }) acceptedAcknowledgements!: string[] | null;
  @ApiProperty({ type: Boolean, nullable: true }) electronicSignatureConsent!: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'The signature image as a data URL' }) signature!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerIp!: string | null;
  @ApiProperty({ type: String, nullable: true }) signerUserAgent!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the signed content' }) contentHash!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) over the content hash and the witness' }) recordHash!: string | null;
}

export class ConsentVerificationDto {
  @ApiProperty({ description: 'True when every stored hash matches the stored content and the audit chain' }) intact!: boolean;
  @ApiProperty() contentHashMatches!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null when not witnessed yet' }) recordHashMatches!: boolean | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: "The hashes equal those the signing and witnessing events wrote into the audit chain, and those events' HMACs verify; null when signed before the chain began",
  })
  chainMatches!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) contentHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordHash!: string | null;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
}

export class VisitConsentsDto {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({
    type: [ConsentDetailDto],
    description:
      "The consents the appointment's service needs that the patient lacks, each pending and naming the appointment's practitioner and the " +
      'appointment, in the order the service lists them (the patient signs them in one kiosk session); empty when nothing is missing',
  })
  consents!: ConsentDetailDto[];
}

/** The most forms one kiosk session witnesses at once (a visit needs at most a handful). */
export const WITNESS_MAX_CONSENTS = 20;

export class WitnessConsentsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: "The consents the patient just signed in one kiosk session (one patient's)" })
  @IsArray({ message: 'consentIds must be a list of consent ids' })
  @ArrayNotEmpty({ message: 'consentIds must name at least one consent' })
  @ArrayMaxSize(WITNESS_MAX_CONSENTS, { message: `consentIds must name at most ${WITNESS_MAX_CONSENTS} consents` })
  @ArrayUnique({ message: 'consentIds must not repeat a consent' })
  @IsUUID('all', { each: true, message: 'consentIds must be consent ids (UUIDs)' })
  consentIds!: string[];

  @ApiProperty({ description: "The signed-in staff member's password, re-entered once for all of them" })
  @IsString({ message: 'password is required' })
  @Length(1, 200, { message: 'password is required' })
  password!: string;
}

export class WitnessedConsentsDto {
  @ApiProperty({ type: [ConsentDetailDto], description: 'Each consent witnessed, in the order asked' }) consents!: ConsentDetailDto[];
}
