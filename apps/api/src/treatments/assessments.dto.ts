import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_SCALE_CODES } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsDecimalNumber } from '../common/dto/is-decimal-number';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { clean, cleanOrNull } from '../inventory/inventory-validation';

export class RecordAssessmentDto {
  @ApiProperty({ enum: [...OUTCOME_SCALE_CODES], description: 'domain.md section 8' })
  @IsIn([...OUTCOME_SCALE_CODES], { message: `scale must be one of ${OUTCOME_SCALE_CODES.join(', ')}` })
  scale!: string;

  @ApiProperty({ type: Number, example: 24 })
  @IsDecimalNumber(2, { message: 'score must be a number (at most 2 decimals)' })
  score!: number;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  assessedOn!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for device-measured indices, e.g. "VISIA Gen 7"' })
  @IsOptional()
  @Transform(cleanOrNull)
  @IsString()
  @Length(1, 200)
  method?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The session the assessment belongs to' })
  @IsOptional()
  @IsUUID('4', { message: 'sessionId must be a treatment session id' })
  sessionId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: "The course (treatment plan) it measures; defaults to the session's course" })
  @IsOptional()
  @IsUUID('4', { message: 'planId must be a treatment plan id' })
  planId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Photos the assessment was made from' })
  // Absent means none; null is not a list (IsOptional would let it through).
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'photoIds must be photo ids' })
  photoIds?: string[];

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() scale!: string;
  @ApiProperty() scaleLabel!: string;
  @ApiProperty() scaleVersion!: string;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ type: Number }) scaleMin!: number;
  @ApiProperty({ type: Number }) scaleMax!: number;
  @ApiProperty({ type: Boolean, description: 'A falling score is an improvement on this scale' }) lowerIsBetter!: boolean;
  @ApiProperty({ type: String, nullable: true }) method!: string | null;
  @ApiProperty({ format: 'date' }) assessedOn!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) sessionId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) planId!: string | null;
  @ApiProperty({ type: [String] }) photoIds!: string[];
  @ApiProperty() notes!: string;
  @ApiProperty() assessorName!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The first score on this scale in the same course (or ever, outside a course)' })
  baselineScore!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Change from the baseline in percent; null for the baseline itself' })
  changeFromBaselinePercent!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) improved!: boolean | null;
}
