import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ReminderSettingsInputDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: 336, example: 24, description: 'Reminders go this many hours before the appointment' })
  @IsInt({ message: 'hoursBefore must be a whole number of hours' })
  @Min(1, { message: 'hoursBefore must be at least 1' })
  @Max(336, { message: 'hoursBefore must be at most 336 (two weeks)' })
  hoursBefore!: number;
}

export class ReminderSettingsDto {
  @ApiProperty({ type: Number, description: "The organization's lead time, else the server default" }) hoursBefore!: number;
  @ApiProperty({ type: Boolean, description: 'False when the server default (REMINDER_HOURS_BEFORE) applies' }) customized!: boolean;
  @ApiProperty({ type: Boolean, description: 'An SMTP server is configured: e-mails are sent, not only kept in the outbox' }) emailDelivery!: boolean;
}
