import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/dto/is-calendar-date';

/** What every report takes (issue 17): a date range in the clinic's calendar, optionally one location or practitioner. */
export class ReportQueryDto {
  @ApiProperty({ format: 'date', description: 'First day of the range (a calendar date in the location’s zone), inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the range, inclusive; at most 3 years after from' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this location' })
  @IsOptional()
  @IsUUID('4', { message: 'locationId must be a UUID' })
  locationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this practitioner' })
  @IsOptional()
  @IsUUID('4', { message: 'practitionerId must be a UUID' })
  practitionerId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv answers a spreadsheet-ready file (text/csv, UTF-8 with a byte-order mark)' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
