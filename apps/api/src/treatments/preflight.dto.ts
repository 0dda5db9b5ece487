import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PREFLIGHT_CODES, type PreflightCode } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** GET /api/appointments/:id/preflight: what the practitioner plans to use. */
export class AppointmentPreflightQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The cartridge lot to check (expiry, holds, stock at the location)' })
  @IsOptional()
  @IsUUID('4', { message: 'lotId must be a lot id' })
  lotId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The pen to check (active, at the location)' })
  @IsOptional()
  @IsUUID('4', { message: 'deviceId must be a device id' })
  deviceId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Photos will be taken: a photography consent is needed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'photos must be true or false' })
  photos?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'A topical anaesthetic will be applied: its consent is needed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'anesthetic must be true or false' })
  anesthetic?: boolean;
}

export class PreflightItemDto {
  @ApiProperty({ enum: PREFLIGHT_CODES, enumName: 'PreflightCode', example: 'consent-missing', description: 'What the item is about (the preflight codes of the code catalog)' })
  code!: PreflightCode;
  @ApiProperty({ example: 'No valid medical needling consent on file' }) message!: string;
  @ApiPropertyOptional({ type: String, description: 'The consent kind, zone or screening finding the item names' })
  subject?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'A relative contraindication: proceed only with an acknowledgement and a reason' })
  requiresAcknowledgement?: boolean;
}

/** The safety checklist before needling: nothing in `blockers` may be overridden; the API refuses to start with any. */
export class PreflightDto {
  @ApiProperty({ description: 'No blockers (warnings may remain)' }) ok!: boolean;
  @ApiProperty({ type: [PreflightItemDto] }) blockers!: PreflightItemDto[];
  @ApiProperty({ type: [PreflightItemDto] }) warnings!: PreflightItemDto[];
  @ApiProperty({ enum: ['cosmetic', 'medical'], description: 'Derived from the deepest zone (or the service when no zones are given)' })
  procedureKind!: 'cosmetic' | 'medical';
  @ApiProperty({ type: Number, description: 'Deepest zone depth in mm (0 when no zones are given)' }) maxDepthMm!: number;
  @ApiProperty({ format: 'date', description: "The treatment date on the location's calendar" }) onDate!: string;
  @ApiProperty({ type: [String], description: 'Consent kinds this treatment needs' }) requiredConsentKinds!: string[];
  @ApiProperty({ type: Number, description: "Deepest depth the practitioner's current licences allow (mm)" }) practitionerMaxDepthMm!: number;
}
