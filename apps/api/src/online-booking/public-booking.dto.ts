import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPOINTMENT_STATUSES, ONLINE_BOOKING_MODES, PROCEDURE_KINDS, type AppointmentStatus, type OnlineBookingMode, type ServiceProcedureKind } from '@skinledger/domain';
import { Transform, Type } from 'class-transformer';
import { Equals, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { IsEmailAddress } from '../common/dto/is-email-address';
import { IsInstant } from '../common/dto/is-instant';

const SLUG = /^[A-Za-z0-9][A-Za-z0-9-]{2,62}$/;

export class PublicBookingOptionsQueryDto {
  @ApiProperty({ example: '3f9a1c07b2de', description: "The clinic's public booking slug (Settings → Online booking)" })
  @Matches(SLUG, { message: 'organization must be the clinic’s booking slug (letters, digits and hyphens)' })
  organization!: string;
}

export class PublicAvailabilityQueryDto extends PublicBookingOptionsQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant('from') from!: string;
  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' }) @IsInstant('to') to!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this practitioner (absent: any)' })
  @IsOptional()
  @IsUUID('4', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;
}

export class PublicLocationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'IANA time zone: how times at this location are shown' }) timezone!: string;
  @ApiProperty({ description: 'The location’s public phone number (E.164), empty when none' }) phone!: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'WGS 84 degrees north, when the clinic gave them: the page sorts by distance' }) latitude!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'WGS 84 degrees east, with latitude' }) longitude!: number | null;
}

export class PublicServiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) durationMin!: number;
  @ApiProperty({ enum: PROCEDURE_KINDS }) procedureKind!: ServiceProcedureKind;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ONLINE_BOOKING_MODES.filter((m) => m !== 'off'), description: 'existing_patients: bookable online by the clinic’s known patients alone; anyone: new patients too' })
  onlineBooking!: Exclude<OnlineBookingMode, 'off'>;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Locations where someone who may give it works' }) locationIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Practitioners whose licence allows it' }) practitionerIds!: string[];
}

export class PublicPractitionerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'Nurse', description: 'Their role in the clinic, in words' }) title!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) serviceIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) locationIds!: string[];
}

/** What the public booking page may offer: nothing more (no e-mail, no licence number, no closed service). */
export class PublicBookingOptionsDto {
  @ApiProperty() organizationName!: string;
  @ApiProperty({ type: [PublicLocationDto] }) locations!: PublicLocationDto[];
  @ApiProperty({ type: [PublicServiceDto] }) services!: PublicServiceDto[];
  @ApiProperty({ type: [PublicPractitionerDto] }) practitioners!: PublicPractitionerDto[];
  @ApiProperty({ description: 'The clinic’s booking and cancellation policy, accepted when booking' }) policyText!: string;
  @ApiProperty({ type: 'integer', description: 'Hours before the start within which the patient changes the appointment only by calling' }) cancellationWindowHours!: number;
  @ApiProperty({ type: String, nullable: true, example: '#1b6a70', description: 'The clinic’s colour for the pages (#RRGGBB, readable under white text); null: the pages’ own' })
  brandColor!: string | null;
}

export class PublicSlotDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
}

export class PublicAvailabilityDto {
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: [PublicSlotDto], description: 'Free starts within the clinic’s online window, one per (start, practitioner)' }) slots!: PublicSlotDto[];
}

export class PublicHoldPatientDto {
  @ApiProperty({ example: 'Margaret' }) @IsString() @Length(1, 100, { message: 'patient.firstName must be 1 to 100 characters' }) firstName!: string;
  @ApiProperty({ example: 'Okafor' }) @IsString() @Length(1, 100, { message: 'patient.lastName must be 1 to 100 characters' }) lastName!: string;
  @ApiProperty({ format: 'date', example: '1984-03-12' }) @IsCalendarDate() dateOfBirth!: string;
  @ApiProperty({ example: 'margaret@example.com', description: 'The 6-digit code is sent here' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmailAddress({ message: 'patient.email must be an email address' })
  @MaxLength(254)
  email!: string;
  @ApiProperty({ example: '+1 (212) 555-0100', description: 'Any common format; read in the location’s country' })
  @IsString()
  @Length(3, 32, { message: 'patient.phone must be a phone number' })
  phone!: string;
}

export class CreatePublicHoldDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent: any practitioner who offers the start' })
  @IsOptional()
  @IsUUID('4', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;
  @ApiProperty({ format: 'date-time', description: 'A start the availability offered' }) @IsInstant('startsAt') startsAt!: string;
  @ApiProperty({ type: PublicHoldPatientDto }) @ValidateNested() @Type(() => PublicHoldPatientDto) patient!: PublicHoldPatientDto;
  @ApiProperty({ enum: [true], description: 'The patient accepts the clinic’s booking and cancellation policy: must be true' })
  @Equals(true, { message: 'acceptPolicy must be true: accept the clinic’s booking and cancellation policy to book' })
  acceptPolicy!: true;
}

export class PublicHoldDto {
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ format: 'date-time', description: 'The slot is held until then; confirm with the e-mailed code before' }) expiresAt!: string;
}

export class ConfirmPublicHoldDto {
  @ApiProperty({ example: '042917', description: 'The 6-digit code e-mailed to the patient' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the e-mail' })
  code!: string;
}

export class PublicBookedAppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty() practitionerName!: string;
}

export class PublicBookingConfirmationDto {
  @ApiProperty({ type: PublicBookedAppointmentDto }) appointment!: PublicBookedAppointmentDto;
  @ApiProperty({ description: 'Shown once: the key of the link to see, confirm, move or cancel the appointment (valid until it ends)' }) manageToken!: string;
}

/** An online booking as its patient sees it through the manage link: nothing of her record, nothing of anyone else. */
export class PublicManagedAppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES, example: 'booked' }) status!: AppointmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: 'The location’s IANA time zone: how the times are shown' }) timeZone!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty() locationAddress!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ format: 'uuid', description: 'Who gives it: the manage page offers new times with the same practitioner' }) practitionerId!: string;
  @ApiProperty({ description: 'The clinic’s name, for the page’s heading' }) organizationName!: string;
  @ApiProperty({ description: 'The location’s phone number (E.164) to call inside the cancellation window; empty when none' }) locationPhone!: string;
  @ApiProperty({ description: 'Booked or confirmed, and the start is further off than the cancellation window' }) canCancel!: boolean;
  @ApiProperty({ description: 'As canCancel: moving it online follows the same window' }) canReschedule!: boolean;
  @ApiProperty({ type: 'integer', description: 'Hours before the start within which it is changed only by calling the clinic' }) cancellationWindowHours!: number;
  @ApiProperty({ description: 'The clinic’s booking and cancellation policy' }) policyText!: string;
  @ApiProperty({ type: String, nullable: true, example: '#1b6a70', description: 'The clinic’s colour for the pages (#RRGGBB, readable under white text); null: the pages’ own' })
  brandColor!: string | null;
}

export class ManageAvailabilityQueryDto {
  @ApiProperty({ format: 'date-time' }) @IsInstant('from') from!: string;
  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' }) @IsInstant('to') to!: string;
}

export class CancelPublicAppointmentDto {
  @ApiPropertyOptional({ example: 'I am away that week', description: 'Why, in the patient’s words (optional)' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;
}

export class ReschedulePublicAppointmentDto {
  @ApiProperty({ format: 'date-time', description: 'A start the public availability offers for the same service and location' }) @IsInstant('startsAt') startsAt!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'With this practitioner (absent: the same one if free then, else anyone free then)' })
  @IsOptional()
  @IsUUID('4', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;
}
