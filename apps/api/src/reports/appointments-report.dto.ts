import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ReportQueryDto } from './report-query.dto';

export const APPOINTMENT_GROUPINGS = ['practitioner', 'service', 'room', 'weekday', 'month', 'weekdayHour'] as const;
export type AppointmentGrouping = (typeof APPOINTMENT_GROUPINGS)[number];

export class AppointmentsReportQueryDto extends ReportQueryDto {
  @ApiProperty({
    enum: APPOINTMENT_GROUPINGS,
    description:
      'month: every calendar month of the range, empty ones included; weekdayHour: the hours of the week anyone worked or anything was booked (counts in the hour an appointment starts, booked minutes spread over the hours it covers)',
  })
  @IsIn(APPOINTMENT_GROUPINGS, { message: `groupBy must be one of ${APPOINTMENT_GROUPINGS.join(', ')}` })
  groupBy!: AppointmentGrouping;
}

export class AppointmentReportRowDto {
  @ApiProperty({ description: 'Practitioner, service or room id; the ISO weekday (1 Monday … 7 Sunday) per weekday; YYYY-MM per month; ISO weekday and hour per weekday and hour ("1-09", labelled "Mon 09:00")' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Appointments starting in the range, whatever became of them (online holds not counted)' }) booked!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: 'Cancelled by the patient or the clinic, late ones included' }) cancelled!: number;
  @ApiProperty({ description: 'Cancelled by the patient inside the clinic’s late-cancellation window' }) lateCancelled!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'No-shows / (completed + no-shows), percent' }) noShowPercent!: number | null;
  @ApiProperty({ description: 'Minutes of appointments not cancelled (a no-show’s time was given away too)' }) bookedMinutes!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Working hours minus time off, in minutes (per weekday and hour, cut at the hours of the location’s clock); null per service or room (they have no hours of their own)' })
  availableMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Booked minutes / available minutes, percent; may pass 100 when staff book beyond their hours' })
  utilisationPercent!: number | null;
  @ApiProperty({ description: 'Booked by the patient online' }) onlineBooked!: number;
}

export class AppointmentsReportDto {
  @ApiProperty({ enum: APPOINTMENT_GROUPINGS }) groupBy!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [AppointmentReportRowDto] }) rows!: AppointmentReportRowDto[];
  @ApiProperty({ type: AppointmentReportRowDto, description: 'The whole clinic (or the chosen location or practitioner)' }) total!: AppointmentReportRowDto;
}
