import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_KINDS,
  CONSENT_VALID_DAYS_MAX,
  CONSENT_VALID_DAYS_MIN,
  type ConsentKind,
} from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const clean = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);
const trimBody = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value);

export class AcknowledgementInputDto {
  @ApiProperty({ example: 'I have read and understood the risks.' })
  @Transform(clean)
  @IsString({ message: 'text is required' })
  @Length(1, 500, { message: 'text must be 1 to 500 characters' })
  text!: string;

  @ApiProperty({ description: 'A required item must be ticked to sign; an optional one records a choice (e.g. marketing use)' })
  @IsBoolean({ message: 'required must be true or false' })
  required!: boolean;
}

export class ConsentTemplateVersionInputDto {
  @ApiProperty({ example: 'Consent to medical micro-needling' })
  @Transform(clean)
  @IsString({ message: 'title is required' })
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title!: string;

  @ApiProperty({
    description: 'Markdown (headings, paragraphs, lists, **bold**) with placeholders {{patientName}}, {{dateOfBirth}}, {{procedure}}, {{depthRange}}, {{practitioner}}',
  })
  @Transform(trimBody)
  @IsString({ message: 'body is required' })
  @Length(1, 50000, { message: 'body must be 1 to 50000 characters' })
  body!: string;

  @ApiProperty({ type: [AcknowledgementInputDto], description: 'Checkboxes the patient ticks, in order' })
  @IsArray({ message: 'acknowledgements must be a list' })
  @ArrayMinSize(1, { message: 'acknowledgements must have at least one item' })
  @ArrayMaxSize(30, { message: 'acknowledgements may have at most 30 items' })
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementInputDto)
  acknowledgements!: AcknowledgementInputDto[];

  @ApiProperty({ type: Number, example: 365, description: `Days the consent counts after the signing date (${CONSENT_VALID_DAYS_MIN}–${CONSENT_VALID_DAYS_MAX})` })
  @IsInt({ message: 'validDays must be a whole number of days' })
  @Min(CONSENT_VALID_DAYS_MIN, { message: `validDays must be at least ${CONSENT_VALID_DAYS_MIN}` })
  @Max(CONSENT_VALID_DAYS_MAX, { message: `validDays must be at most ${CONSENT_VALID_DAYS_MAX}` })
  validDays!: number;

  @ApiPropertyOptional({
    description:
      'The form asks a staff witness to the signature (on the kiosk; at check-in when the patient signed at home through her manage link). Absent: true for a new form, unchanged for a new version',
  })
  @IsOptional()
  @IsBoolean({ message: 'witnessRequired must be true or false' })
  witnessRequired?: boolean;
}

export class CreateConsentTemplateDto extends ConsentTemplateVersionInputDto {
  @ApiProperty({ enum: CONSENT_KINDS })
  @IsIn(CONSENT_KINDS, { message: `kind must be one of ${CONSENT_KINDS.join(', ')}` })
  kind!: ConsentKind;
}

export class PublishConsentTemplateVersionDto extends ConsentTemplateVersionInputDto {
  @ApiProperty({ description: 'True when patients who signed an earlier version must sign again: their consents become superseded' })
  @IsBoolean({ message: 'requiresReconsent must be true or false' })
  requiresReconsent!: boolean;

  @ApiPropertyOptional({ example: 'Added granulomatous reactions to the risks' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 1000, { message: 'changeNote must be 1 to 1000 characters' })
  changeNote?: string;
}

export class ApproveConsentTemplateDto {
  @ApiProperty({ type: Number, description: 'The version reviewed; must be the current one' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

export class ConsentAcknowledgementDto {
  @ApiProperty({ example: 'a1' }) key!: string;
  @ApiProperty() text!: string;
  @ApiProperty() required!: boolean;
}

export class ConsentTemplateVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [ConsentAcknowledgementDto] }) acknowledgements!: ConsentAcknowledgementDto[];
  @ApiProperty({ type: Number }) validDays!: number;
  @ApiProperty() requiresReconsent!: boolean;
  @ApiProperty({ type: String, nullable: true }) changeNote!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the defaults SkinLedger supplied' }) publishedByName!: string | null;
}

export class ConsentTemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'One of the defaults SkinLedger supplied' }) isDefault!: boolean;
  @ApiProperty({ type: Number }) currentVersion!: number;
  @ApiProperty({ description: 'The form asks a staff witness to the signature (at check-in when signed at home)' }) witnessRequired!: boolean;
  @ApiProperty({ description: 'True until an owner or admin approves the current version after review with the medical director' })
  needsReview!: boolean;
  @ApiProperty({ type: Number, nullable: true }) approvedVersion!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedByName!: string | null;
  @ApiProperty({ type: ConsentTemplateVersionDto }) current!: ConsentTemplateVersionDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ConsentTemplateDetailDto extends ConsentTemplateDto {
  @ApiProperty({ type: [ConsentTemplateVersionDto], description: 'Newest first' }) versions!: ConsentTemplateVersionDto[];
}
