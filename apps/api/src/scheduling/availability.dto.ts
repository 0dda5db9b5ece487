import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../common/dto/is-instant';

export class AvailabilityQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant('from') from!: string;
  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' }) @IsInstant('to') to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'practitionerId must be a UUID' }) practitionerId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Offer no start before this instant (default: now); an earlier one records a walk-in or a visit already begun' })
  @IsOptional()
  @IsInstant('notBefore')
  notBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Rescheduling: this appointment’s own time counts as free (it is the one moving)' })
  @IsOptional()
  @IsUUID('4', { message: 'excludeAppointmentId must be a UUID' })
  excludeAppointmentId?: string;
}

export class FreeSlotDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The first free room' }) roomId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every room free for the treatment and its buffer (the first is roomId)' }) roomIds!: string[];
}

export class NamedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AvailabilityDto {
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: Number, description: 'Starts are offered on this wall-clock grid (minutes)' }) gridMin!: number;
  @ApiProperty({ type: [FreeSlotDto], description: 'One per (start, practitioner), with its free rooms' }) slots!: FreeSlotDto[];
  @ApiProperty({ type: [NamedDto] }) practitioners!: NamedDto[];
  @ApiProperty({ type: [NamedDto] }) rooms!: NamedDto[];
}
