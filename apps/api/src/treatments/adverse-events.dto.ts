import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADVERSE_EVENT_OUTCOMES, ADVERSE_EVENT_TYPES, type AdverseEventOutcome } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { trimmed } from './treatment-sessions.dto';

export class RecordAdverseEventDto {
  @ApiProperty({ enum: [...ADVERSE_EVENT_TYPES], description: 'domain.md section 7' })
  @IsIn([...ADVERSE_EVENT_TYPES], { message: `type must be one of ${ADVERSE_EVENT_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({ format: 'date', description: 'When it began; not before the session' })
  @IsCalendarDate()
  onsetOn!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 4, description: 'Grade 0-4 where one applies' })
  @IsOptional()
  @IsInt({ message: 'grade must be a whole number from 0 to 4' })
  @Min(0)
  @Max(4)
  grade?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Duration in days, when known' })
  @IsOptional()
  @IsInt({ message: 'durationDays must be a whole number of days' })
  @Min(0)
  @Max(3650)
  durationDays?: number | null;

  @ApiProperty({ example: 'Marked redness and swelling of both cheeks from day 2' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiPropertyOptional({ type: String, example: 'Cool compresses; hydrocortisone 1% twice daily for 3 days' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  treatment?: string;

  @ApiProperty({ enum: [...ADVERSE_EVENT_OUTCOMES] })
  @IsIn([...ADVERSE_EVENT_OUTCOMES], { message: `outcome must be one of ${ADVERSE_EVENT_OUTCOMES.join(', ')}` })
  outcome!: AdverseEventOutcome;
}

export class AdverseEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'date' }) sessionPerformedOn!: string;
  @ApiProperty() type!: string;
  @ApiProperty() typeLabel!: string;
  @ApiProperty({ enum: ['transient', 'persistent_or_serious', 'other'] }) seriousness!: string;
  @ApiProperty({ format: 'date' }) onsetOn!: string;
  @ApiProperty({ type: Number, nullable: true }) grade!: number | null;
  @ApiProperty({ type: Number, nullable: true }) durationDays!: number | null;
  @ApiProperty() description!: string;
  @ApiProperty() treatment!: string;
  @ApiProperty({ enum: [...ADVERSE_EVENT_OUTCOMES] }) outcome!: string;
  @ApiProperty({ type: [String], description: 'Cartridge lots of the session' }) lotNumbers!: string[];
  @ApiProperty() deviceSerialNumber!: string;
  @ApiProperty({ type: [String], description: 'Topical products of the session (often linked to granulomatous reactions)' })
  topicalProducts!: string[];
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}
