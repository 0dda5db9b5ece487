import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIMES_OF_DAY, type TimeOfDay } from '@skinledger/domain';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class CreateTreatmentPlanDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'patientId must be a UUID' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ type: Number, example: 3, description: 'Sessions in the course (1–12; courses of 3–6 are usual, domain.md 3)' }) @IsInt() @Min(1) @Max(12) sessions!: number;
  @ApiProperty({ type: Number, example: 4, description: 'Weeks between sessions (1–52)' }) @IsInt() @Min(1) @Max(52) intervalWeeks!: number;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Target date of the first session' }) @IsCalendarDate() startOn!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this practitioner (no session with anyone else)' })
  @IsOptional()
  @IsUUID('4', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Preferred practitioner: kept where free near the target date, else another practitioner' })
  @IsOptional()
  @IsUUID('4', { message: 'preferredPractitionerId must be a UUID' })
  preferredPractitionerId?: string;
  @ApiPropertyOptional({ enum: TIMES_OF_DAY, description: 'Preferred part of the day for the start: morning before 12:00, afternoon 12:00–17:00, evening from 17:00 (local time)' })
  @IsOptional()
  @IsIn(TIMES_OF_DAY, { message: `timeOfDay must be one of ${TIMES_OF_DAY.join(', ')}` })
  timeOfDay?: TimeOfDay;
  @ApiPropertyOptional({ example: '14:00', description: 'Preferred window instead of a part of the day: earliest start, local HH:MM (with preferredTo)' })
  @IsOptional()
  @Matches(CLOCK, { message: 'preferredFrom must be a time HH:MM' })
  preferredFrom?: string;
  @ApiPropertyOptional({ example: '18:00', description: 'End of the preferred window: starts before this local time (with preferredFrom)' })
  @IsOptional()
  @Matches(CLOCK, { message: 'preferredTo must be a time HH:MM (24:00 for midnight)' })
  preferredTo?: string;
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
  @ApiProperty({ description: "The slot starts inside the course's preferred window (true without one or without a slot)" }) keepsPreferredTime!: boolean;
  @ApiProperty({ description: 'The slot is with the preferred practitioner (true without one or without a slot)' }) keepsPreferredPractitioner!: boolean;
}

export class PlanPreferenceDto {
  @ApiProperty({ enum: TIMES_OF_DAY, nullable: true, type: String, description: 'The named part of the day, when the window is one' }) timeOfDay!: TimeOfDay | null;
  @ApiProperty({ type: String, nullable: true, example: '12:00', description: 'Earliest preferred start, local HH:MM' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '17:00', description: 'Preferred starts are before this local time' }) to!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) practitionerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) practitionerName!: string | null;
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
  @ApiProperty({ type: String, nullable: true, description: 'Only this practitioner' }) practitionerId!: string | null;
  @ApiProperty({ type: PlanPreferenceDto, description: 'What the patient prefers; each session says whether its slot keeps it' }) preference!: PlanPreferenceDto;
  @ApiProperty({ type: Number }) sessions!: number;
  @ApiProperty({ type: Number }) intervalWeeks!: number;
  @ApiProperty({ format: 'date' }) startOn!: string;
  @ApiProperty({ enum: ['proposed', 'booked'] }) status!: string;
  @ApiProperty({ type: PlanProgressDto, description: 'Completed sessions of the total (session 2 of 3)' }) progress!: PlanProgressDto;
  @ApiProperty({ type: [PlanSessionDto] }) sessionList!: PlanSessionDto[];
}
