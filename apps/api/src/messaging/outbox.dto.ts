import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CappedCountDto, KeysetPageInfoDto, KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';

export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'obsolete', 'outbox_only'] as const;

export const MESSAGE_KINDS = ['booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer'] as const;

export class OutboundMessageQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES }) @IsOptional() @IsIn(MESSAGE_STATUSES) status?: (typeof MESSAGE_STATUSES)[number];
}

export class OutboundMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The appointment a reminder or notice is about (null for a waitlist offer)' })
  appointmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The waitlist offer an offer message carries' }) waitlistOfferId!: string | null;
  @ApiProperty() patientName!: string;
  @ApiProperty({ enum: MESSAGE_KINDS }) kind!: string;
  @ApiProperty({ enum: ['email', 'sms'] }) channel!: string;
  @ApiProperty({ type: String, nullable: true }) recipient!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({
    enum: MESSAGE_STATUSES,
    description: 'pending: waits for its time; sending: claimed by a worker (stuck here = check by hand, never resent automatically); outbox_only: no transport or no contact, deliver by hand; obsolete: the appointment moved or was cancelled',
  })
  status!: string;
  @ApiProperty({ format: 'date-time' }) sendAfter!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: Number }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

/** A keyset page of the outbox, newest send time first; `total` (capped at 1,000) on the first page only. */
export class OutboundMessageListDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [OutboundMessageDto] }) items!: OutboundMessageDto[];
  @ApiPropertyOptional({ type: CappedCountDto, description: 'Matching messages, counted up to 1,000; given on the first page only' })
  total?: CappedCountDto;
}
