import { ApiProperty } from '@nestjs/swagger';
import { LICENCE_TYPES, STAFF_ROLES, type LicenceType, type StaffRole } from '@skinledger/domain';
import { IsUUID } from 'class-validator';
import { IsInstant } from '../common/dto/is-instant';
import { AppointmentDto } from './appointments.dto';
import { RoomDto } from './catalog.dto';

export class ScheduleQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant('from') from!: string;
  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' }) @IsInstant('to') to!: string;
}

export class ScheduleIntervalDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class ScheduleTimeOffDto extends ScheduleIntervalDto {
  @ApiProperty({ description: 'Why, as entered (may be empty)' }) reason!: string;
}

export class ScheduleCredentialDto {
  @ApiProperty({ enum: LICENCE_TYPES }) licenceType!: LicenceType;
  @ApiProperty({ format: 'date', description: 'Valid through this date' }) expiresOn!: string;
}

export class SchedulePractitionerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ description: 'False for a deactivated practitioner still holding appointments in the window' }) isActive!: boolean;
  @ApiProperty({ type: [ScheduleCredentialDto], description: 'Licence types and expiry (no numbers): which services the practitioner may be booked for' })
  credentials!: ScheduleCredentialDto[];
  @ApiProperty({ type: [ScheduleIntervalDto], description: 'Bookable working time at the location in the window: weekly hours and extra hours, time off removed' })
  working!: ScheduleIntervalDto[];
  @ApiProperty({ type: [ScheduleTimeOffDto], description: 'Time off overlapping the window (at any location)' })
  timeOff!: ScheduleTimeOffDto[];
}

/** A slot held by someone booking online (issue 16): busy, with no patient yet, until it expires or is confirmed. */
export class ScheduleHoldDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The end of the clean-up buffer' }) occupiedUntil!: string;
  @ApiProperty({ format: 'date-time', description: 'When the hold lapses unless the patient confirms it' }) expiresAt!: string;
}

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: [SchedulePractitionerDto], description: 'Who works at the location (weekly or extra hours), and anyone holding an appointment there in the window; by name' })
  practitioners!: SchedulePractitionerDto[];
  @ApiProperty({ type: [RoomDto], description: 'The location’s rooms, in use first' }) rooms!: RoomDto[];
  @ApiProperty({ type: [AppointmentDto], description: 'Appointments at the location overlapping the window, every status' }) appointments!: AppointmentDto[];
  @ApiProperty({ type: [ScheduleHoldDto], description: 'Live online holds at the location overlapping the window: busy time, no patient yet' }) holds!: ScheduleHoldDto[];
}
