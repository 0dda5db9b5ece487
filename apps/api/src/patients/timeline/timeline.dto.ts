import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineItemDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    example: 'medical_history',
    description:
      'What the entry is about. Known kinds: patient, medical_history, appointment, consent, session, assessment; more may be added, so show unknown kinds generically.',
  })
  kind!: string;
  @ApiProperty({ example: 'Medical history updated (version 2)' }) title!: string;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ description: 'Id of the record the entry is about' }) refId!: string;
  @ApiPropertyOptional({ example: 'Dana Whitfield', description: 'Who did it, when known' }) actorName?: string;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineItemDto], description: 'Oldest first' }) items!: TimelineItemDto[];
}
