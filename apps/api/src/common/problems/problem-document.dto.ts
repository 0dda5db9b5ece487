import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PASSWORD_PROBLEM_CODES,
  PROBLEM_TYPES,
  RULE_CODES,
  type PasswordProblemCode,
  type ProblemType,
  type RuleCode,
} from '@skinledger/domain';

export class FieldProblemDto {
  @ApiProperty({ example: 'adminEmail' }) field!: string;
  @ApiProperty({ example: 'adminEmail must be an email address' }) message!: string;
  @ApiPropertyOptional({ enum: PASSWORD_PROBLEM_CODES, enumName: 'PasswordProblemCode', description: 'A refused password: the rule it breaks' })
  code?: PasswordProblemCode;
}

export class RuleViolationDto {
  @ApiProperty({ enum: RULE_CODES, enumName: 'RuleCode', example: 'last-owner' }) code!: RuleCode;
  @ApiProperty({ example: 'Make another staff member an owner first' }) message!: string;
}

/** RFC 9457 problem details: the body of every error answer. */
export class ProblemDocumentDto {
  @ApiProperty({ enum: PROBLEM_TYPES, enumName: 'ProblemType', example: 'urn:skinledger:problem:validation', description: 'urn:skinledger:problem:<code>, the code from the catalog' })
  type!: ProblemType;
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
