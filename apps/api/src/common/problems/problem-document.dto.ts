import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'adminEmail' }) field!: string;
  @ApiProperty({ example: 'adminEmail must be an email address' }) message!: string;
}

export class RuleViolationDto {
  @ApiProperty({ example: 'last-owner' }) code!: string;
  @ApiProperty({ example: 'Make another staff member an owner first' }) message!: string;
}

/** RFC 9457 problem details: the body of every error answer. */
export class ProblemDocumentDto {
  @ApiProperty({ example: 'urn:skinledger:problem:validation' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid fields: adminEmail' }) detail!: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Validation problems, one per field and rule' })
  errors?: FieldProblemDto[];
  @ApiPropertyOptional({ type: [RuleViolationDto], description: 'Rules broken (422), one per rule' })
  violations?: RuleViolationDto[];
  @ApiPropertyOptional({ description: 'Seconds to wait before retrying (429, 503); also sent as Retry-After' })
  retryAfterSeconds?: number;
}
