import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PREFLIGHT_CODES, TREATMENT_INDICATIONS, ZONE_CODES, type PreflightCode, type TreatmentIndication } from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { clean } from '../inventory/inventory-validation';
import { trimmed } from './treatment-sessions.dto';

export class TemplateZoneDto {
  @ApiProperty({ enum: [...ZONE_CODES], description: 'Treatment zone (domain.md section 2)' })
  @IsIn([...ZONE_CODES], { message: `zone must be one of ${ZONE_CODES.join(', ')}` })
  zone!: string;

  @ApiProperty({ type: Number, example: 1.5, description: "Needle depth in mm: 0 to 2.5 in 0.25 mm steps, within the clinic's zone maximum" })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'depthMm must be a number of millimetres' })
  depthMm!: number;

  @ApiProperty({ type: Number, example: 3, minimum: 1, maximum: 20 })
  @IsInt({ message: 'passes must be a whole number' })
  @Min(1)
  @Max(20)
  passes!: number;
}

/** POST /api/treatment-templates and PUT /api/treatment-templates/:id: the whole template. */
export class TreatmentTemplateInputDto {
  @ApiProperty({ example: 'Acne scars, full face', description: 'Unique in the clinic, whatever the letter case' })
  @Transform(clean)
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication', description: 'What the template treats' })
  @IsIn([...TREATMENT_INDICATIONS], { message: `indication must be one of ${TREATMENT_INDICATIONS.join(', ')}` })
  indication!: TreatmentIndication;

  @ApiPropertyOptional({ type: String, description: 'For the practitioner: when to use it, what to adjust' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiProperty({ type: [TemplateZoneDto], description: 'Depth and passes per zone; one entry per zone' })
  @IsArray()
  @ArrayMinSize(1, { message: 'zones must name at least one zone' })
  @ArrayMaxSize(ZONE_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => TemplateZoneDto)
  zones!: TemplateZoneDto[];
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication', description: 'Only the templates of this indication' })
  @IsOptional()
  @IsIn([...TREATMENT_INDICATIONS], { message: `indication must be one of ${TREATMENT_INDICATIONS.join(', ')}` })
  indication?: TreatmentIndication;
}

export class TemplateZoneViewDto {
  @ApiProperty({ enum: [...ZONE_CODES] }) zone!: string;
  @ApiProperty({ example: 'Cheeks' }) label!: string;
  @ApiProperty({ type: Number }) depthMm!: number;
  @ApiProperty({ type: Number }) passes!: number;
}

/** What the depth check says about a template zone today (the clinic may have lowered a maximum since it was saved). */
export class TemplateFindingDto {
  @ApiProperty({ enum: PREFLIGHT_CODES, enumName: 'PreflightCode', description: "The preflight's code for the zone finding" })
  code!: PreflightCode;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'The zone' }) subject!: string;
  @ApiProperty({ enum: ['blocker', 'warning'], description: 'How the preflight files it when the template is applied' })
  severity!: 'blocker' | 'warning';
}

export class TreatmentTemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TREATMENT_INDICATIONS, enumName: 'TreatmentIndication' }) indication!: TreatmentIndication;
  @ApiProperty({ example: 'Acne scars' }) indicationLabel!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [TemplateZoneViewDto], description: 'In charting order' }) zones!: TemplateZoneViewDto[];
  @ApiProperty({ type: [TemplateFindingDto], description: "The zones checked now against the clinic's zone maximums and the device" })
  findings!: TemplateFindingDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() updatedByName!: string;
}
