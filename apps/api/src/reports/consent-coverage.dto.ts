import { ApiProperty } from '@nestjs/swagger';
import { ReportQueryDto } from './report-query.dto';

export class ConsentCoverageQueryDto extends ReportQueryDto {}

export class UnreadyAppointmentDto {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: 'The location’s IANA zone, to show the start in' }) timeZone!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty() mrn!: string;
  @ApiProperty({ type: [String], description: 'Consent kinds the visit needs that the patient will not validly hold at its start' }) missingConsents!: string[];
  @ApiProperty({ type: String, nullable: true, enum: ['history_missing', 'history_stale', null], description: 'No medical history, or one older than the clinic allows' })
  historyIssue!: 'history_missing' | 'history_stale' | null;
}

export class ExpiringConsentDto {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty() mrn!: string;
  @ApiProperty({ format: 'date', description: 'Last day it counts, on the clinic calendar it was signed under' }) validThrough!: string;
}

export class ConsentCoverageDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time', description: 'The upcoming and expiring lists are as of this instant' }) asOf!: string;
  @ApiProperty({ description: 'Appointments starting in the next 7 days (booked, confirmed or checked in)' }) upcomingAppointments!: number;
  @ApiProperty({ type: [UnreadyAppointmentDto], description: 'Those still missing a required consent or a current medical history, soonest first' })
  notReady!: UnreadyAppointmentDto[];
  @ApiProperty({ type: [ExpiringConsentDto], description: 'Valid consents whose validity ends within the next 30 days, soonest first' })
  expiringSoon!: ExpiringConsentDto[];
  @ApiProperty({ description: 'Consents signed in the range' }) signedInRange!: number;
  @ApiProperty({ description: 'Of those, signed at the clinic’s kiosk' }) signedAtKiosk!: number;
  @ApiProperty({ description: 'Of those, signed remotely by the patient through her booking link' }) signedRemotely!: number;
}
