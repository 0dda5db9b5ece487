import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ELIGIBILITY_CODES, SCREENING_CODES, type EligibilityCode, type ProcedureKind, type ScreeningCode } from '@skinledger/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';

const PROCEDURES = ['cosmetic', 'medical'] as const;

export class EligibilityQueryDto {
  @ApiProperty({ enum: PROCEDURES, description: 'Cosmetic (deepest zone < 0.5 mm) or medical needling' })
  @IsIn(PROCEDURES, { message: 'procedure must be cosmetic or medical' })
  procedure!: ProcedureKind;

  @ApiPropertyOptional({
    format: 'date',
    description: "Treatment date; defaults to today in the clinic's time zone (your default location, else the first location)",
  })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class EligibilityBlockerDto {
  @ApiProperty({
    enum: ELIGIBILITY_CODES,
    enumName: 'EligibilityCode',
    example: 'isotretinoin_window',
    description: 'A screening finding’s id (the contraindication, history_missing, history_stale ...), or patient-archived',
  })
  code!: EligibilityCode;
  @ApiProperty({ example: 'Oral isotretinoin within 6 months of the last dose (Aug 25, 2026); eligible from Feb 25, 2027' }) message!: string;
  @ApiPropertyOptional({
    format: 'date',
    description: 'Time windows only: the first date on which this blocker has lapsed. Both it and `until` are given: eligibleFrom = until + 1 day.',
  })
  eligibleFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Time windows only: the last blocked day (inclusive)' })
  until?: string;
}

export class EligibilityWarningDto {
  @ApiProperty({ enum: SCREENING_CODES, enumName: 'ScreeningCode', example: 'keloid_history' }) code!: ScreeningCode;
  @ApiProperty({ description: 'A relative contraindication: the practitioner acknowledges it with a reason to proceed' }) message!: string;
}

export class EligibilityDto {
  @ApiProperty({ description: 'Nothing blocks treatment on the date (warnings may remain)' }) eligible!: boolean;
  @ApiProperty({ enum: PROCEDURES }) procedure!: ProcedureKind;
  @ApiProperty({ format: 'date', description: 'The date screened' }) on!: string;
  @ApiProperty({ type: [EligibilityBlockerDto] }) blockers!: EligibilityBlockerDto[];
  @ApiProperty({ type: [EligibilityWarningDto] }) warnings!: EligibilityWarningDto[];
  @ApiPropertyOptional({
    format: 'date',
    description: 'When every blocker is a time window: the first date on which all have lapsed. Absent when eligible or when a blocker does not lapse by itself.',
  })
  eligibleFrom?: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The medical-history version screened; null when none is on file' })
  medicalHistoryVersion!: number | null;
  @ApiPropertyOptional({
    enum: ['staff', 'patient'],
    nullable: true,
    description: "Who recorded the version screened: 'patient' when she filled it in through her manage link (patient-reported, review it at check-in); null when none is on file",
  })
  medicalHistorySource?: 'staff' | 'patient' | null;
}
