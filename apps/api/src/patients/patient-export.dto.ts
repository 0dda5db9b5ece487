import { ApiProperty } from '@nestjs/swagger';
import { MedicalHistoryVersionDto } from './medical-history.dto';
import { PatientDto } from './patient.dto';
import { TimelineItemDto } from './timeline/timeline.dto';

export class ExportedByDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'patient.viewed' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
}

/** The whole record of one patient, for a data-access request. */
export class PatientExportDto {
  @ApiProperty({ example: 'skinledger.patient-export' }) format!: string;
  @ApiProperty({ example: 1 }) formatVersion!: number;
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: ExportedByDto }) exportedBy!: ExportedByDto;
  @ApiProperty({ type: PatientDto }) patient!: PatientDto;
  @ApiProperty({ type: [MedicalHistoryVersionDto], description: 'Every version, newest first' }) medicalHistory!: MedicalHistoryVersionDto[];
  @ApiProperty({ type: [TimelineItemDto] }) timeline!: TimelineItemDto[];
  @ApiProperty({ type: [AccessLogEntryDto], description: 'Who read or changed the record and when, this export included' })
  accessLog!: AccessLogEntryDto[];
}
