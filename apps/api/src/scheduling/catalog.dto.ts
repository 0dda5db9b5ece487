import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ONLINE_BOOKING_MODES, PROCEDURE_KINDS, type OnlineBookingMode, type ServiceProcedureKind } from '@skinledger/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Consent kinds the clinic uses out of the box; clinics may name others (stored as text). */
export const STANDARD_CONSENT_KINDS = ['cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography'] as const;

export class CreateServiceDto {
  @ApiProperty({ example: 'Acne-scar needling' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ type: Number, example: 60, description: 'Treatment time in minutes (5–480)' }) @IsInt() @Min(5) @Max(480) durationMin!: number;
  @ApiPropertyOptional({ type: Number, example: 15, description: 'Clean-up after the treatment, in minutes (0–240); blocks practitioner and room' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferMin?: number;
  @ApiProperty({ enum: PROCEDURE_KINDS }) @IsIn(PROCEDURE_KINDS) procedureKind!: ServiceProcedureKind;
  @ApiPropertyOptional({ type: [String], example: ['medical_needling', 'photography'], description: `Consents the patient must hold (e.g. ${STANDARD_CONSENT_KINDS.join(', ')})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { each: true, message: 'consentKinds must be lower-case words joined by _ (e.g. medical_needling)' })
  consentKinds?: string[];
  @ApiPropertyOptional({ type: Number, example: 28, description: 'Medical needling: days needed since the patient’s previous medical session (domain.md 3; default 28)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minDaysBetweenMedicalSessions?: number;
  @ApiPropertyOptional({
    enum: ONLINE_BOOKING_MODES,
    description: 'Who may book it online: off (staff only), existing_patients, anyone. Default: existing_patients for medical needling, off otherwise',
  })
  @IsOptional()
  @IsIn(ONLINE_BOOKING_MODES, { message: `onlineBooking must be one of ${ONLINE_BOOKING_MODES.join(', ')}` })
  onlineBooking?: OnlineBookingMode;
  @ApiPropertyOptional({ maxLength: 1000, description: 'What the patient reads about it on the booking page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'description must be at most 1000 characters' })
  description?: string;
}

export class UpdateServiceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(5) @Max(480) durationMin?: number;
  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(0) @Max(240) bufferMin?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { each: true, message: 'consentKinds must be lower-case words joined by _ (e.g. medical_needling)' })
  consentKinds?: string[];
  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(0) @Max(365) minDaysBetweenMedicalSessions?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({
    enum: ONLINE_BOOKING_MODES,
    description: 'Who may book it online: off (staff only), existing_patients, anyone. unchanged when absent',
  })
  @IsOptional()
  @IsIn(ONLINE_BOOKING_MODES, { message: `onlineBooking must be one of ${ONLINE_BOOKING_MODES.join(', ')}` })
  onlineBooking?: OnlineBookingMode;
  @ApiPropertyOptional({ maxLength: 1000, description: 'What the patient reads about it on the booking page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'description must be at most 1000 characters' })
  description?: string;
}

export class ServiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number }) durationMin!: number;
  @ApiProperty({ type: Number }) bufferMin!: number;
  @ApiProperty({ enum: PROCEDURE_KINDS }) procedureKind!: ServiceProcedureKind;
  @ApiProperty({ type: [String] }) consentKinds!: string[];
  @ApiProperty({ type: Number }) minDaysBetweenMedicalSessions!: number;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ enum: ONLINE_BOOKING_MODES, description: 'Who may book it online' }) onlineBooking!: OnlineBookingMode;
  @ApiProperty() description!: string;
}

export class CreateRoomDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ example: 'Treatment room 1' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class UpdateRoomDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class RoomListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'locationId must be a UUID' }) locationId?: string;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isActive!: boolean;
}
