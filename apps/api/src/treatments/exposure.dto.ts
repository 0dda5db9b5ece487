import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ExposureQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv answers a spreadsheet-ready file: text/csv in UTF-8 with a byte-order mark, named (lot number and GTIN, or serial) in Content-Disposition' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class ExposureAdverseEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date' }) onsetOn!: string;
  @ApiProperty({ type: Number, nullable: true }) grade!: number | null;
  @ApiProperty() outcome!: string;
  @ApiProperty() description!: string;
}

/** One session that used the lot (or device): who to contact and what happened. */
export class ExposedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date' }) performedOn!: string;
  @ApiProperty({ enum: ['cosmetic', 'medical'] }) procedureKind!: 'cosmetic' | 'medical';
  @ApiProperty({ enum: ['in_progress', 'signed'] }) status!: 'in_progress' | 'signed';
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty() mrn!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() practitionerName!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty() deviceSerialNumber!: string;
  @ApiProperty() deviceModel!: string;
  @ApiProperty({ type: [String], description: 'Cartridge lots the session used' }) lotNumbers!: string[];
  @ApiProperty({ type: Number, description: 'Cartridges of this lot used in the session (lot report); 0 on a device report' })
  cartridgesUsed!: number;
  @ApiProperty({ type: [ExposureAdverseEventDto] }) adverseEvents!: ExposureAdverseEventDto[];
}

export class ExposureSubjectDto {
  @ApiProperty({ enum: ['lot', 'device'] }) kind!: 'lot' | 'device';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Lot LOT42A of SkinPen cartridge 14-pin (GTIN 00812345678901)' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Lot hold status or device status' }) status!: string | null;
}

export class ExposureReportDto {
  @ApiProperty({ type: ExposureSubjectDto }) subject!: ExposureSubjectDto;
  @ApiProperty({ type: Number }) sessionCount!: number;
  @ApiProperty({ type: Number }) patientCount!: number;
  @ApiProperty({ type: Number }) adverseEventCount!: number;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [ExposedSessionDto] }) sessions!: ExposedSessionDto[];
}
