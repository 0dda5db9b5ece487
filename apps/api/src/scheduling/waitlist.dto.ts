import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FREED_SLOT_CAUSES, WAITLIST_STATES, WAITLIST_STATUSES, type FreedSlotCause, type WaitlistState, type WaitlistStatus } from '@skinledger/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';
import { IsInstant } from '../common/dto/is-instant';
import { PageQueryDto } from '../common/dto/pagination.dto';

const uuid = (field: string) => IsUUID('4', { message: `${field} must be a UUID` });

export class CreateWaitlistEntryDto {
  @ApiProperty({ format: 'uuid' }) @uuid('patientId') patientId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('serviceId') serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @uuid('locationId') locationId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this practitioner; omitted: anyone who may perform the service' })
  @IsOptional()
  @uuid('practitionerId')
  practitionerId?: string;
  @ApiProperty({ format: 'date', example: '2026-12-01', description: "First day the patient could come (the location's calendar)" })
  @IsCalendarDate()
  earliestOn!: string;
  @ApiProperty({ format: 'date', example: '2026-12-14', description: 'Last day, included; the entry expires after it (at most 366 days after earliestOn)' })
  @IsCalendarDate()
  latestOn!: string;
  @ApiPropertyOptional({ example: 'Mornings only; can come at short notice' }) @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

export class RemoveWaitlistEntryDto {
  @ApiPropertyOptional({ example: 'Booked elsewhere' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class WaitlistQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('locationId') locationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('patientId') patientId?: string;
  // Annotated: tsc emits design:type Object for an un-annotated initializer (see PageQueryDto).
  /* eslint-disable @typescript-eslint/no-inferrable-types */
  @ApiPropertyOptional({ type: Boolean, default: true, description: 'true: open entries only (waiting or offered, range not over); false: every entry, newest first' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'openOnly must be true or false' })
  openOnly: boolean = true;
  /* eslint-enable @typescript-eslint/no-inferrable-types */
}

export class FreedSlotQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required unless appointmentId is given (400 otherwise): with from and to, the open freed slots at this location' })
  @IsOptional()
  @uuid('locationId')
  locationId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Required with locationId (400 otherwise)' }) @IsOptional() @IsInstant('from') from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Required with locationId (400 otherwise): after from and at most 14 days after it' })
  @IsOptional()
  @IsInstant('to')
  to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Instead: what this appointment freed (open or taken again)' }) @IsOptional() @uuid('appointmentId') appointmentId?: string;
}

export class CreateWaitlistOfferDto {
  @ApiProperty({ format: 'uuid', description: 'The freed slot the start comes from' }) @uuid('freedSlotId') freedSlotId!: string;
  @ApiProperty({ format: 'date-time', description: 'A free start inside the freed slot for the entry’s service (a match’s startsAt)' })
  @IsInstant('startsAt')
  startsAt!: string;
}

export const OFFER_STATES = ['open', 'taken', 'booked', 'withdrawn'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export class WaitlistOfferDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ format: 'uuid' }) freedSlotId!: string;
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({
    enum: OFFER_STATES,
    description: 'open: the patient may take it; taken: someone was booked into that time meanwhile; booked: taken by this patient; withdrawn: no longer offered',
  })
  state!: OfferState;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) appointmentId!: string | null;
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
  @ApiProperty({ type: String, nullable: true }) offeredByName!: string | null;
}

export class WaitlistEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty() patientMrn!: string;
  @ApiProperty({ description: 'The patient has an e-mail address (offers go by e-mail; otherwise call them)' }) patientHasEmail!: boolean;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty() locationName!: string;
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) practitionerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null: anyone who may perform the service' }) practitionerName!: string | null;
  @ApiProperty({ format: 'date' }) earliestOn!: string;
  @ApiProperty({ format: 'date' }) latestOn!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ enum: WAITLIST_STATUSES, description: 'As stored' }) status!: WaitlistStatus;
  @ApiProperty({ enum: WAITLIST_STATES, description: 'What to show: the status, or expired once the range is over for a waiting or offered entry' })
  state!: WaitlistState;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) bookedAppointmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) removedReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: WaitlistOfferDto, nullable: true, description: 'The latest offer made to this entry' }) latestOffer!: WaitlistOfferDto | null;
}

export class WaitlistPageDto {
  @ApiProperty({ type: [WaitlistEntryDto] }) items!: WaitlistEntryDto[];
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
}

export class WaitlistMatchDto {
  @ApiProperty({ type: WaitlistEntryDto }) entry!: WaitlistEntryDto;
  @ApiProperty({ format: 'date-time', description: 'The first free start inside the freed slot for the entry’s service (availability’s engine)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ type: WaitlistOfferDto, nullable: true, description: 'This entry’s offer from this freed slot, if one was made' }) offer!: WaitlistOfferDto | null;
}

export class FreedSlotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The appointment that gave the time back' }) appointmentId!: string;
  @ApiProperty({ enum: FREED_SLOT_CAUSES }) cause!: FreedSlotCause;
  @ApiProperty({ format: 'uuid' }) locationId!: string;
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty() practitionerName!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the freed time, incl. the buffer the appointment held' }) endsAt!: string;
  @ApiProperty({ description: 'Nobody holds the practitioner in that time again and it is not over' }) open!: boolean;
  @ApiProperty({ type: [WaitlistMatchDto], description: 'Open waitlist entries whose service fits a free start inside the slot, longest waiting first' })
  matches!: WaitlistMatchDto[];
}

export class FreedSlotListDto {
  @ApiProperty({ type: [FreedSlotDto] }) items!: FreedSlotDto[];
}
