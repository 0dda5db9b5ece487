import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PREFLIGHT_CODES, TREATMENT_INDICATIONS, ZONE_CODES, type PreflightCode, type TreatmentIndication } from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../common/dto/is-instant';
import { clean, cleanOrNull } from '../inventory/inventory-validation';
import { PreflightDto } from './preflight.dto';
import { KeysetPageInfoDto } from '../common/pagination/keyset-page.dto';

/** Multi-line text keeps its line breaks; only the ends are trimmed. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ZoneTreatmentDto {
  @ApiProperty({ enum: [...ZONE_CODES], description: 'Treatment zone (domain.md section 2)' })
  @IsIn([...ZONE_CODES], { message: `zone must be one of ${ZONE_CODES.join(', ')}` })
  zone!: string;

  @ApiProperty({ type: Number, example: 1.5, description: 'Needle depth in mm: 0 to 2.5 in 0.25 mm steps' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'depthMm must be a number of millimetres' })
  depthMm!: number;

  @ApiProperty({ type: Number, example: 3, minimum: 1, maximum: 20 })
  @IsInt({ message: 'passes must be a whole number' })
  @Min(1)
  @Max(20)
  passes!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: "Why deeper than the zone's maximum (required then)" })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 500)
  overrideReason?: string | null;
}

export class AcknowledgementDto {
  @ApiProperty({ example: 'keloid_history', description: 'The relative contraindication (screening code) acknowledged' })
  @IsString()
  @Length(1, 60)
  code!: string;

  @ApiProperty({ example: 'No keloid in the treated area; test patch done 2 weeks ago' })
  @Transform(clean)
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class AnestheticDto {
  @ApiProperty({ example: 'Lidocaine 4% cream' })
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  product!: string;

  @ApiPropertyOptional({ type: String, example: '4%' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 100)
  strength?: string | null;

  @ApiPropertyOptional({ type: String, example: 'LC2291' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 40)
  lotNumber?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Full face' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 200)
  area?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsInstant('appliedAt')
  appliedAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsInstant('removedAt')
  removedAt?: string | null;
}

export class TopicalProductDto {
  @ApiProperty({ example: 'Hyaluronic acid serum' })
  @Transform(clean)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 40)
  lotNumber?: string | null;
}

/** Fields charted while the session is in progress; shared by start and update. */
export class SessionChartDto {
  @ApiPropertyOptional({
    enum: TREATMENT_INDICATIONS,
    enumName: 'TreatmentIndication',
    nullable: true,
    description: 'What the session treats: "Start from last session" repeats the previous session of the same indication',
  })
  @IsOptional()
  @IsIn([...TREATMENT_INDICATIONS], { message: `indication must be one of ${TREATMENT_INDICATIONS.join(', ')}` })
  indication?: TreatmentIndication | null;

  @ApiPropertyOptional({ type: [ZoneTreatmentDto], description: 'Depth and passes per zone; one entry per zone' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ZONE_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => ZoneTreatmentDto)
  zones?: ZoneTreatmentDto[];

  @ApiPropertyOptional({ type: [AcknowledgementDto], description: 'Relative contraindications acknowledged, each with a reason' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AcknowledgementDto)
  acknowledgements?: AcknowledgementDto[];

  @ApiPropertyOptional({ type: AnestheticDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnestheticDto)
  anesthetic?: AnestheticDto | null;

  @ApiPropertyOptional({ type: [TopicalProductDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TopicalProductDto)
  topicalProducts?: TopicalProductDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Vertical, horizontal and diagonal passes' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @MaxLength(500)
  technique?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Uniform pinpoint bleeding' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @MaxLength(500)
  clinicalEndpoint?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 4, description: 'Immediate erythema grade 0-4' })
  @IsOptional()
  @IsInt({ message: 'erythemaGrade must be a whole number from 0 to 4' })
  @Min(0)
  @Max(4)
  erythemaGrade?: number | null;

  @ApiPropertyOptional({ type: Boolean, description: "The clinic's after-care instructions were given (their text is stored with the session)" })
  @IsOptional()
  @IsBoolean()
  postCareGiven?: boolean;

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Photos will be taken: a photography consent is then required' })
  @IsOptional()
  @IsBoolean()
  photosPlanned?: boolean;
}

export class StartTreatmentSessionDto extends SessionChartDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The booked appointment; omit for a walk-in (then walkInReason)' })
  @IsOptional()
  @IsUUID('4', { message: 'appointmentId must be an appointment id' })
  appointmentId?: string;

  @ApiPropertyOptional({ type: String, description: 'Why there is no appointment (walk-ins only)' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @Length(1, 500)
  walkInReason?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Walk-ins only; otherwise the appointment names the patient' })
  @IsOptional()
  @IsUUID('4', { message: 'patientId must be a patient id' })
  patientId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Walk-ins only; otherwise the appointment names the location' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId?: string;

  @ApiProperty({ format: 'uuid', description: 'The pen handpiece' })
  @IsUUID('4', { message: 'deviceId must be a device id' })
  deviceId!: string;

  @ApiProperty({ format: 'uuid', description: 'The sterile cartridge lot: one unit is taken from stock at this location' })
  @IsUUID('4', { message: 'cartridgeLotId must be a lot id' })
  cartridgeLotId!: string;
}

export class UpdateTreatmentSessionDto extends SessionChartDto {}

export class AddCartridgeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'cartridgeLotId must be a lot id' })
  cartridgeLotId!: string;

  @ApiProperty({ example: 'Cartridge jammed after the forehead', description: 'Why a second cartridge was opened (domain.md section 9)' })
  @Transform(clean)
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class SignTreatmentSessionDto {
  @ApiProperty({ description: 'The treating practitioner re-confirms their password to sign' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class AddAddendumDto {
  @ApiProperty({ example: 'Correction: forehead depth was 0.5 mm, not 0.75 mm.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 5000)
  text!: string;
}

export class SessionZoneDto {
  @ApiProperty() zone!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number }) depthMm!: number;
  @ApiProperty({ type: Number }) passes!: number;
  @ApiProperty({ type: String, nullable: true }) overrideReason!: string | null;
}

export class SessionCartridgeDto {
  @ApiProperty({ format: 'uuid' }) movementId!: string;
  @ApiProperty({ format: 'uuid' }) lotId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
  @ApiProperty({ type: Number }) quantity!: number;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class AddendumDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AnestheticRecordDto {
  @ApiProperty() product!: string;
  @ApiProperty({ type: String, nullable: true }) strength!: string | null;
  @ApiProperty({ type: String, nullable: true }) lotNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) appliedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) removedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Minutes on the skin' }) minutesOnSkin!: number | null;
}

export class WarningRecordDto {
  @ApiProperty({ enum: PREFLIGHT_CODES, enumName: 'PreflightCode' }) code!: PreflightCode;
  @ApiProperty() message!: string;
}

export class TreatmentSessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) appointmentId!: string | null;
  @ApiProperty({ enum: ['cosmetic', 'medical'] }) procedureKind!: 'cosmetic' | 'medical';
  @ApiProperty({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication', nullable: true, description: 'Null when not recorded' })
  indication!: TreatmentIndication | null;
  @ApiProperty({ type: Number }) maxDepthMm!: number;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ enum: ['in_progress', 'signed'] }) status!: 'in_progress' | 'signed';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) signedAt!: string | null;
}

/** A keyset page of a patient's sessions, newest first. */
export class TreatmentSessionSummaryPageDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [TreatmentSessionSummaryDto] }) items!: TreatmentSessionSummaryDto[];
}

export class TreatmentSessionDto extends TreatmentSessionSummaryDto {
  @ApiProperty({ type: String, nullable: true }) walkInReason!: string | null;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceSerialNumber!: string;
  @ApiProperty() deviceModel!: string;
  @ApiProperty({ type: [SessionZoneDto] }) zones!: SessionZoneDto[];
  @ApiProperty({ type: [SessionCartridgeDto] }) cartridges!: SessionCartridgeDto[];
  @ApiProperty({ type: AnestheticRecordDto, nullable: true }) anesthetic!: AnestheticRecordDto | null;
  @ApiProperty({ type: [TopicalProductDto] }) topicalProducts!: TopicalProductDto[];
  @ApiProperty({ type: String, nullable: true }) technique!: string | null;
  @ApiProperty({ type: String, nullable: true }) clinicalEndpoint!: string | null;
  @ApiProperty({ type: Number, nullable: true }) erythemaGrade!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The after-care text given, as it was then' }) postCareInstructions!: string | null;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [AcknowledgementDto] }) acknowledgements!: AcknowledgementDto[];
  @ApiProperty({ type: [WarningRecordDto], description: 'Warnings shown when the session started or was last charted' })
  preflightWarnings!: WarningRecordDto[];
  @ApiProperty({ type: Boolean }) photosPlanned!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) signedBy!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 of the session as signed (addenda aside), as sealed in the audit chain; null until signed',
  })
  recordHash!: string | null;
  @ApiProperty({ type: [AddendumDto] }) addenda!: AddendumDto[];
}

export class StartedTreatmentSessionDto {
  @ApiProperty({ type: TreatmentSessionDto }) session!: TreatmentSessionDto;
  @ApiProperty({ type: PreflightDto }) preflight!: PreflightDto;
}

export class RepeatSessionQueryDto {
  @ApiProperty({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication', description: 'Repeat the previous session of this indication' })
  @IsIn([...TREATMENT_INDICATIONS], { message: `indication must be one of ${TREATMENT_INDICATIONS.join(', ')}` })
  indication!: TreatmentIndication;

  @ApiProperty({ format: 'uuid', description: 'Where the new session happens: the pen must be there, and the lot is the first to expire there (FEFO)' })
  @IsUUID('4', { message: 'locationId must be a location id' })
  locationId!: string;
}

export class RepeatZoneDto {
  @ApiProperty({ enum: [...ZONE_CODES] }) zone!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number }) depthMm!: number;
  @ApiProperty({ type: Number }) passes!: number;
}

export class RepeatLotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
  @ApiProperty({ type: Number, description: 'On hand at the location' }) onHand!: number;
}

/** The previous session's chart, ready to start from: what the dashboard puts in the draft before the preflight runs. */
export class PreviousSessionChartDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ type: [RepeatZoneDto], description: 'Zones, depths and passes as signed (override reasons are not copied: each session gives its own)' })
  zones!: RepeatZoneDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The same pen, when it is active at this location; else null' })
  deviceId!: string | null;
  @ApiProperty({ example: 'SkinPen Precision · SP-220417' }) deviceLabel!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The cartridge product of its first cartridge' })
  cartridgeProductId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cartridgeProductName!: string | null;
  @ApiProperty({ type: RepeatLotDto, nullable: true, description: "Inventory's FEFO suggestion of that product at this location (earliest expiry first)" })
  lot!: RepeatLotDto | null;
  @ApiProperty({ type: [String], description: 'What could not be copied, and why' }) notes!: string[];
}

export class RepeatSessionDto {
  @ApiProperty({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication' }) indication!: TreatmentIndication;
  @ApiProperty({ example: 'Acne scars' }) indicationLabel!: string;
  @ApiProperty({ type: PreviousSessionChartDto, nullable: true, description: 'Null when the patient has no signed session of this indication' })
  previous!: PreviousSessionChartDto | null;
}
