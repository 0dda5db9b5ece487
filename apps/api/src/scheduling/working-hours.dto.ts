import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '../common/dto/is-instant';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class WeeklyBlockDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: 7, description: 'ISO weekday: Monday 1 … Sunday 7' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @ApiProperty({ example: '09:00', description: "Wall-clock time at the location (its IANA zone)" })
  @Matches(CLOCK, { message: 'startsAt must be a time HH:MM' })
  startsAt!: string;
  @ApiProperty({ example: '17:00' }) @Matches(CLOCK, { message: 'endsAt must be a time HH:MM (24:00 for midnight)' }) endsAt!: string;
}

export class PutWorkingHoursDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'locationId must be a UUID' }) locationId!: string;
  @ApiProperty({ type: [WeeklyBlockDto], description: "The whole weekly pattern at this location (replaces the previous one)" })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyBlockDto)
  blocks!: WeeklyBlockDto[];
}

export class WorkingHoursBlockDto extends WeeklyBlockDto {
  @ApiProperty({ format: 'uuid' }) locationId!: string;
}

export const EXCEPTION_KINDS = ['time_off', 'extra_hours'] as const;

export class CreateTimeOffDto {
  @ApiPropertyOptional({ enum: EXCEPTION_KINDS, default: 'time_off', description: 'Leave (any location) or extra hours at a location' })
  @IsOptional()
  @IsIn(EXCEPTION_KINDS)
  kind?: (typeof EXCEPTION_KINDS)[number];
  @ApiProperty({ format: 'date-time' }) @IsInstant('startsAt') startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @IsInstant('endsAt') endsAt!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for extra hours' }) @IsOptional() @IsUUID('4', { message: 'locationId must be a UUID' }) locationId?: string;
  @ApiPropertyOptional({ example: 'Annual leave' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class HoursExceptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXCEPTION_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) locationId!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() reason!: string;
}

export class WorkingHoursDto {
  @ApiProperty({ format: 'uuid' }) staffMemberId!: string;
  @ApiProperty({ type: [WorkingHoursBlockDto] }) blocks!: WorkingHoursBlockDto[];
  @ApiProperty({ type: [HoursExceptionDto], description: 'Time off and extra hours ending within the last 30 days or later' })
  exceptions!: HoursExceptionDto[];
}
