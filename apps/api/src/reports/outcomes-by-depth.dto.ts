import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPTH_BAND_CODES, OUTCOME_SCALE_CODES, TREATMENT_INDICATIONS } from '@skinledger/domain';
import { IsIn, IsOptional } from 'class-validator';
import { ReportQueryDto } from './report-query.dto';

export class OutcomesByDepthQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: OUTCOME_SCALE_CODES, description: 'The outcome scale compared (domain.md section 8)' })
  @IsIn(OUTCOME_SCALE_CODES, { message: `scale must be one of ${OUTCOME_SCALE_CODES.join(', ')}` })
  scale!: string;

  @ApiPropertyOptional({ enum: TREATMENT_INDICATIONS, description: 'Only sessions treating this indication (acne scars, wrinkles, …)' })
  @IsOptional()
  @IsIn(TREATMENT_INDICATIONS, { message: `indication must be one of ${TREATMENT_INDICATIONS.join(', ')}` })
  indication?: string;
}

export class DepthBandOutcomeDto {
  @ApiProperty({ enum: DEPTH_BAND_CODES, description: 'Deepest treated depth of the course, in mm' }) band!: string;
  @ApiProperty() minMm!: number;
  @ApiProperty({ description: 'Exclusive, except 2.5 mm (the device maximum) which the last band holds' }) maxMm!: number;
  @ApiProperty({ enum: ['cosmetic', 'medical'] }) procedureKind!: string;
  @ApiProperty({ description: 'Patients with at least one course in the band' }) patients!: number;
  @ApiProperty({ description: 'Courses with a baseline and a later score on the scale' }) courses!: number;
  @ApiProperty({ description: 'Scores on the scale in those courses, baselines included' }) assessments!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median improvement from baseline, percent; positive is better whatever the scale’s direction' })
  medianChangePercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p25ChangePercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p75ChangePercent!: number | null;
  @ApiProperty({ description: 'Fewer than 5 patients: shown, but too few to compare' }) tooFewToCompare!: boolean;
}

export class OutcomesByDepthReportDto {
  @ApiProperty({ enum: OUTCOME_SCALE_CODES }) scale!: string;
  @ApiProperty() scaleLabel!: string;
  @ApiProperty({ description: 'Whether a falling score is an improvement on this scale; the change percents are already turned so that improvement is positive' })
  lowerIsBetter!: boolean;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) indication!: string | null;
  @ApiProperty({ type: [DepthBandOutcomeDto] }) bands!: DepthBandOutcomeDto[];
}
