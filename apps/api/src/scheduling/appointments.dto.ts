import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPOINTMENT_STATUSES,
  CANCELLED_BY,
  CHECK_IN_ISSUE_CODES,
  PROCEDURE_KINDS,
  type AppointmentStatus,
  type CancelledBy,
  type CheckInIssueCode,
  type ServiceProcedureKind,
} from '@skinledger/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/dto/pagination.dto';
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

  @ApiPropertyOptional({
    enum: CANCELLED_BY,
    description: "Who asked for it (omitted: the patient): a patient's cancellation inside the clinic's window is marked late; the clinic's never is",
  })
  @IsOptional()
  @IsIn(CANCELLED_BY, { message: `cancelledBy must be one of ${CANCELLED_BY.join(', ')}` })
  cancelledBy?: CancelledBy;
}

export const PATIENT_APPOINTMENT_SCOPES = ['upcoming', 'past'] as const;

export class PatientAppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: PATIENT_APPOINTMENT_SCOPES,
    default: 'upcoming',
    description: 'upcoming: not over and still to happen (booked, confirmed, checked in, in treatment), soonest first; past: everything else, latest first',
  })
  @IsOptional()
  @IsIn(PATIENT_APPOINTMENT_SCOPES, { message: `scope must be one of ${PATIENT_APPOINTMENT_SCOPES.join(', ')}` })
  scope: (typeof PATIENT_APPOINTMENT_SCOPES)[number] = 'upcoming';
}

/**
 * Either a time range (from and to, at most 62 days apart) or a patient: OpenAPI 3.0 cannot say "required unless" of
 * query parameters, so each says it in words ("Required unless ..."), and the appointments spec checks the 400.
 */
export class AppointmentListQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Required unless patientId is given (400 otherwise): from this instant' })
  @IsOptional()
  @instant('from')
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Required unless patientId is given (400 otherwise): until this instant, after from and at most 62 days after it' })
  @IsOptional()
  @instant('to')
  to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('locationId') locationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('practitionerId') practitionerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Every appointment of this patient; from and to then optional' }) @IsOptional() @uuid('patientId') patientId?: string;
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
  @ApiProperty({ enum: CANCELLED_BY, nullable: true, description: 'Who cancelled (null: not cancelled, or cancelled before this was recorded)' })
  cancelledBy!: CancelledBy | null;
  @ApiProperty({ description: "The patient cancelled inside the clinic's late-cancellation window" }) lateCancellation!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) treatmentPlanId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) planSessionNumber!: number | null;
  @ApiProperty() notes!: string;
}

export class AppointmentPageDto {
  @ApiProperty({ type: [AppointmentDto] }) items!: AppointmentDto[];
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
}

export class CheckInIssueDto {
  @ApiProperty({
    enum: CHECK_IN_ISSUE_CODES,
    enumName: 'CheckInIssueCode',
    example: 'consent-missing',
    description: 'consent-missing, patient-archived, clinical-review (roles without clinical access), or a screening finding’s id',
  })
  code!: CheckInIssueCode;
  @ApiProperty() message!: string;
}

/** A consent of the visit signed by the patient through her manage link, for the check-in drawer ("signed remotely"). */
export class RemotelySignedConsentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The form asks a staff witness: witness it at check-in' }) witnessRequired!: boolean;
  @ApiProperty() witnessed!: boolean;
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
  @ApiProperty({ description: "The latest medical history was filled in by the patient through her manage link: patient-reported, review it at check-in" })
  patientReportedHistory!: boolean;
  @ApiProperty({ type: [RemotelySignedConsentDto], description: 'Consents of this visit the patient signed remotely (through her manage link), oldest first' })
  remotelySignedConsents!: RemotelySignedConsentDto[];
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
