import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * An organization's treatment settings. Zone maximums may only be lowered below the defaults of domain.md section 2
 * (never raised); the after-care text is what the practitioner gives the patient; the medical interval is the
 * minimum days between two medical sessions of a patient (domain.md section 3, default 28).
 * A PUT replaces the whole override; send {} to return to the defaults.
 */
export class TreatmentSettingsInputDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Zone code to its lowered maximum depth in mm (0.25 mm steps, not above the default)',
    example: { cheeks: 1.5 },
  })
  @IsOptional()
  @IsObject({ message: 'zoneMaxMm must be an object of zone code to depth in mm' })
  zoneMaxMm?: Record<string, number>;

  @ApiPropertyOptional({ type: String, description: 'After-care instructions given to patients (plain text, printable)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  postCareInstructions?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 365, description: 'Minimum days between two medical sessions (default 28)' })
  @IsOptional()
  @IsInt({ message: 'minDaysBetweenMedicalSessions must be a whole number of days' })
  @Min(0)
  @Max(365)
  minDaysBetweenMedicalSessions?: number;
}

export class ZoneMaximumDto {
  @ApiProperty() zone!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number, description: 'Default maximum (domain.md section 2)' }) defaultMaxMm!: number;
  @ApiProperty({ type: Number, description: "The organization's maximum: the default or lower" }) maxMm!: number;
  @ApiProperty({ type: Number, nullable: true }) typicalMinMm!: number | null;
  @ApiProperty({ type: Number, nullable: true }) typicalMaxMm!: number | null;
  @ApiProperty({ enum: ['area', 'indication'] }) kind!: 'area' | 'indication';
}

export class TreatmentSettingsDto {
  @ApiProperty({ type: [ZoneMaximumDto] }) zones!: ZoneMaximumDto[];
  @ApiProperty() postCareInstructions!: string;
  @ApiProperty({ type: Number }) minDaysBetweenMedicalSessions!: number;
  @ApiProperty({ type: Number, description: 'Depth above which the maker has not evaluated safety: a warning' }) evaluatedMaxDepthMm!: number;
  @ApiProperty({ type: Number, description: 'Device maximum: refused above' }) deviceMaxDepthMm!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'The stored lowerings' })
  zoneMaxOverrides!: Record<string, number>;
}
