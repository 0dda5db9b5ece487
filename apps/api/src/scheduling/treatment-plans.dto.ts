import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';

export class CreateTreatmentPlanDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'patientId must be a UUID' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ type: Number, example: 3, description: 'Sessions in the course (1–12; courses of 3–6 are usual, domain.md 3)' }) @IsInt() @Min(1) @Max(12) sessions!: number;
  @ApiProperty({ type: Number, example: 4, description: 'Weeks between sessions (1–52)' }) @IsInt() @Min(1) @Max(52) intervalWeeks!: number;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Target date of the first session' }) @IsCalendarDate() startOn!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'practitionerId must be a UUID' }) practitionerId?: string;
}

export class TreatmentPlanQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'patientId must be a UUID' }) patientId!: string;
}

export class PlanSessionDto {
  @ApiProperty({ type: Number }) sessionNumber!: number;
  @ApiProperty({ format: 'date' }) targetOn!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The nearest free slot found; null when none within a week of the target' })
  proposedStartsAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) practitionerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) practitionerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) roomId!: string | null;
  @ApiProperty({ type: String, nullable: true }) roomName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) appointmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) appointmentStatus!: string | null;
}

export class PlanProgressDto {
  @ApiProperty({ type: Number }) completed!: number;
  @ApiProperty({ type: Number }) total!: number;
}

export class TreatmentPlanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: String, nullable: true }) practitionerId!: string | null;
  @ApiProperty({ type: Number }) sessions!: number;
  @ApiProperty({ type: Number }) intervalWeeks!: number;
  @ApiProperty({ format: 'date' }) startOn!: string;
  @ApiProperty({ enum: ['proposed', 'booked'] }) status!: string;
  @ApiProperty({ type: PlanProgressDto, description: 'Completed sessions of the total (session 2 of 3)' }) progress!: PlanProgressDto;
  @ApiProperty({ type: [PlanSessionDto] }) sessionList!: PlanSessionDto[];
}
