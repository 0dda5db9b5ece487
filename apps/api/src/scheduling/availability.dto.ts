import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class AvailabilityQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'serviceId must be a UUID' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'At most 14 days after from' }) @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' }) to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'practitionerId must be a UUID' }) practitionerId?: string;
}

export class FreeSlotDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
}

export class NamedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AvailabilityDto {
  @ApiProperty({ description: 'The location’s IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: Number, description: 'Starts are offered on this wall-clock grid (minutes)' }) gridMin!: number;
  @ApiProperty({ type: [FreeSlotDto], description: 'One per (start, practitioner), with the first free room' }) slots!: FreeSlotDto[];
  @ApiProperty({ type: [NamedDto] }) practitioners!: NamedDto[];
  @ApiProperty({ type: [NamedDto] }) rooms!: NamedDto[];
}
