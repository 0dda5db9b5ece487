import { ApiProperty } from '@nestjs/swagger';
import { ReportQueryDto } from './report-query.dto';

export class SafetyReportQueryDto extends ReportQueryDto {}

export class AdverseEventRateDto {
  @ApiProperty({ description: 'Adverse event type, depth band, lot id or pen id' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Signed sessions in the range (for a type: all of them)' }) sessions!: number;
  @ApiProperty() adverseEvents!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Adverse events per 100 sessions' }) per100Sessions!: number | null;
}

export class RefusalReasonCountDto {
  @ApiProperty({ description: 'The preflight’s code (e.g. consent-missing, contraindication, zone-above-practitioner-max)' }) code!: string;
  @ApiProperty({ description: 'Refused starts that gave this reason (a start may give several)' }) refusals!: number;
}

export class TreatmentOverrideDto {
  @ApiProperty({ enum: ['contraindication', 'depth'], description: 'A relative contraindication acknowledged, or a zone treated past the clinic’s maximum' })
  kind!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ description: 'The contraindication’s code, or the zone' }) subject!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The zone’s depth, for a depth override' }) depthMm!: number | null;
  @ApiProperty({ description: 'Why, as the practitioner wrote it' }) reason!: string;
}

export class SafetyReportDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'Signed sessions performed in the range' }) sessions!: number;
  @ApiProperty({ description: 'Adverse events after those sessions' }) adverseEvents!: number;
  @ApiProperty({ type: Number, nullable: true }) adverseEventsPer100Sessions!: number | null;
  @ApiProperty({ type: [AdverseEventRateDto] }) byType!: AdverseEventRateDto[];
  @ApiProperty({ type: [AdverseEventRateDto], description: 'By the session’s deepest depth, in the bands of the outcomes report' }) byDepthBand!: AdverseEventRateDto[];
  @ApiProperty({ type: [AdverseEventRateDto], description: 'By cartridge lot used in the session' }) byLot!: AdverseEventRateDto[];
  @ApiProperty({ type: [AdverseEventRateDto], description: 'By pen handpiece' }) byDevice!: AdverseEventRateDto[];
  @ApiProperty({ description: 'Session starts the preflight refused' }) preflightRefusals!: number;
  @ApiProperty({ type: [RefusalReasonCountDto] }) refusalsByReason!: RefusalReasonCountDto[];
  @ApiProperty({ description: 'All overrides in the range (the list holds the latest 500)' }) overrideCount!: number;
  @ApiProperty({ type: [TreatmentOverrideDto], description: 'Latest first' }) overrides!: TreatmentOverrideDto[];
}
