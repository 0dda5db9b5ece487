import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PASSWORD_PROBLEM_CODES,
  PERMISSIONS,
  PROBLEM_TYPES,
  RULE_CODES,
  type PasswordProblemCode,
  type Permission,
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
  @ApiPropertyOptional({ example: 'practitionerId', description: 'The request field the rule refused, when one did' }) field?: string;
}

/**
 * RFC 9457 problem details: the body of every error answer (media type application/problem+json). Members beyond
 * these are extensions a route adds to say more (e.g. `conflictingAppointmentId`, `scanned`), as RFC 9457 allows.
 */
export class ProblemDocumentDto {
  @ApiProperty({ enum: PROBLEM_TYPES, enumName: 'ProblemType', example: 'urn:skinledger:problem:validation', description: 'urn:skinledger:problem:<code>, the code from the catalog' })
  type!: ProblemType;
  @ApiProperty({ example: 'Invalid request', description: 'A short summary of the kind of problem' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400, description: 'The HTTP status of this answer' }) status!: number;
  @ApiProperty({ example: 'Invalid fields: adminEmail', description: 'What went wrong with this request, in words for the user' }) detail!: string;
  @ApiPropertyOptional({ format: 'uri-reference', example: '/api/staff', description: 'The request path (and query) that failed' }) instance?: string;
  @ApiPropertyOptional({ example: 'req-1f', description: 'The request id, to quote to support (also in the server log)' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Validation problems (400 validation, 422 weak password), one per field and rule' })
  errors?: FieldProblemDto[];
  @ApiPropertyOptional({ type: [RuleViolationDto], description: 'Rules broken (422), one per rule' })
  violations?: RuleViolationDto[];
  @ApiPropertyOptional({ type: 'integer', description: 'Seconds to wait before retrying (429, 503); also sent as Retry-After' })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({ example: 'Appointment', description: '404: the kind of record not found' }) entity?: string;
  @ApiPropertyOptional({ description: '404: the id asked for' }) id?: string;
  @ApiPropertyOptional({ enum: PERMISSIONS, enumName: 'Permission', description: '403 permission: the permission the role lacks' }) permission?: Permission;
  @ApiPropertyOptional({ type: 'integer', description: '413: the largest body this route accepts, in bytes' }) limitBytes?: number;
  @ApiPropertyOptional({ type: 'integer', description: '400 json-too-deep: the deepest nesting accepted' }) maxDepth?: number;
}
