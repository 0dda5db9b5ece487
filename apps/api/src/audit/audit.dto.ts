import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CappedCountDto, KeysetPageInfoDto, KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';

export class AuditEventQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({ example: 'staff_member' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'actorId must be a staff member id' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class AuditDetailDto {
  @ApiProperty({ example: 'default location', description: 'The field in words' }) field!: string;
  @ApiPropertyOptional({ example: 'Harbour Street' }) from?: string;
  @ApiPropertyOptional({ example: 'Brooklyn Heights' }) to?: string;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 'appointment.cancelled', description: 'The action code, for filters and machines; people read `sentence`' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: "Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling)", description: 'What the event touched, by name' })
  entityName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({
    example: "Dana Whitfield cancelled Jordan Avery's appointment of Dec 3, 2026, 10:30 AM (Medical needling); reason: ill",
    description: "What happened, in one sentence in the clinic's English: names and local times, never ids or codes",
  })
  sentence!: string;
  @ApiProperty({ type: [AuditDetailDto], description: 'The changed fields in words (names for ids, local times); ids nobody reads are left out' })
  details!: AuditDetailDto[];
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Changed fields as recorded: {field: {from, to}} (ids and ISO times; for people, `details`)',
  })
  changes!: Record<string, { from?: unknown; to?: unknown }> | null;
}

/** A keyset page of the trail, newest first; `total` (capped at 1,000) on the first page only. */
export class AuditEventPageDto extends KeysetPageInfoDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiPropertyOptional({ type: CappedCountDto, description: 'Matching events, counted up to 1,000; given on the first page only' })
  total?: CappedCountDto;
}

export class AuditChainVerificationDto {
  @ApiProperty({ description: "True when every chained event's HMAC verifies, the sequence has no gap and the chain reaches its head" })
  intact!: boolean;
  @ApiProperty({ description: 'Chained events examined (up to and including the first broken one)' }) checked!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The first event that does not verify (altered, out of place, or inserted); null when intact or when only the tail is missing',
  })
  firstBrokenEventId!: string | null;
}
