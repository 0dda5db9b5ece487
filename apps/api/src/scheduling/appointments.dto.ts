import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPOINTMENT_STATUSES, PROCEDURE_KINDS, type AppointmentStatus, type ServiceProcedureKind } from '@skinledger/domain';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../common/dto/is-instant';

const uuid = (field: string) => IsUUID('4', { message: `${field} must be a UUID` });
const instant = (field: string) => IsInstant(field);

export class CreateAppointmentDto {
  @ApiProperty({ format: 'uuid' }) @uuid('patientId') patientId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('serviceId') serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('practitionerId') practitionerId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('roomId') roomId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('locationId') locationId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start; the end follows from the service’s duration' }) @instant('startsAt') startsAt!: string;
  @ApiPropertyOptional({ example: 'Prefers the window room' }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class UpdateAppointmentDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @instant('startsAt') startsAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('practitionerId') practitionerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('roomId') roomId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('serviceId') serviceId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('locationId') locationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class CancelAppointmentDto {
  @ApiProperty({ example: 'Patient is unwell', description: 'Why the appointment is cancelled (required)' })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class AppointmentListQueryDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @instant('from') from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @instant('to') to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('locationId') locationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('practitionerId') practitionerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('patientId') patientId?: string;
}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ description: 'The location’s IANA time zone: show every time of this appointment in it' }) timeZone!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty() patientMrn!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ enum: PROCEDURE_KINDS }) procedureKind!: ServiceProcedureKind;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the service’s buffer: practitioner and room are blocked until then' }) occupiedUntil!: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status!: AppointmentStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) treatmentPlanId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) planSessionNumber!: number | null;
  @ApiProperty() notes!: string;
}

export class CheckInIssueDto {
  @ApiProperty({ example: 'consent-missing' }) code!: string;
  @ApiProperty() message!: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ description: 'Nothing blocks treatment: no missing consent, no blocker' }) ready!: boolean;
  @ApiProperty({ type: [String], example: ['medical_needling'], description: 'Consent kinds the service requires that the patient does not validly hold' })
  missingConsents!: string[];
  @ApiProperty({ type: [CheckInIssueDto], description: 'What must be resolved before treatment (history missing, contraindications)' }) blockers!: CheckInIssueDto[];
  @ApiProperty({ type: [CheckInIssueDto], description: 'What to review (e.g. a medical history older than the configured age)' }) warnings!: CheckInIssueDto[];
  @ApiProperty({ description: 'False for roles that do not read clinical records: contraindications are then summarised without detail' })
  clinicalDetail!: boolean;
}

/** The patient's next appointment (not cancelled, not yet treated) and the consents it needs that are not valid. */
export class NextAppointmentConsentsDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) appointmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startsAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The location's IANA time zone, for display" }) timeZone!: string | null;
  @ApiProperty({ type: [String], description: 'Consent kinds the service needs that the patient will not validly hold at its start' })
  missingConsents!: string[];
}
