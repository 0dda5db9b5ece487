import { ApiProperty } from '@nestjs/swagger';
import { KeysetPageInfoDto } from '../common/pagination/keyset-page.dto';
import { STAFF_ROLES, type StaffRole } from '@skinledger/domain';

export class PatientAccessLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null for events without a signed-in person (e.g. the kiosk, a system job)' })
  actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: STAFF_ROLES }) actorRole!: StaffRole | null;
  @ApiProperty({ example: 'treatment_session.viewed' }) action!: string;
  @ApiProperty({ example: "Dana Whitfield viewed Jordan Avery's treatment session of Dec 3, 2026, 10:30 AM", description: "What happened, in one sentence in the clinic's English (names and local times, never ids or codes)" })
  description!: string;
  @ApiProperty({ example: 'patient', description: 'What was read or changed: the patient, one of their consents, sessions, appointments, courses, or a search that listed them' })
  entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
}

/** A keyset page of the access log, newest first (no total: the panel pages with Previous / Next). */
export class PatientAccessLogPageDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [PatientAccessLogEntryDto] }) items!: PatientAccessLogEntryDto[];
}
