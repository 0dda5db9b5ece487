import { ApiProperty } from '@nestjs/swagger';
import { ProblemDocumentDto } from '../../common/problems/problem-document.dto';
import { PatientDto } from '../patient.dto';

/** One side of a possible-duplicate pair: what staff need to tell two records apart, nothing clinical. */
export class PossibleDuplicateSideDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SL-000123' }) mrn!: string;
  @ApiProperty({ example: 'Margaret Thompson' }) name!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ description: 'Created by the patient through online booking' }) selfRegistered!: boolean;
  @ApiProperty({ description: 'A staff member verified the identity of this self-registered record' }) identityVerified!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PossibleDuplicateSideDto, description: 'The record the patient created when booking online' }) patient!: PossibleDuplicateSideDto;
  @ApiProperty({ type: PossibleDuplicateSideDto, description: 'The existing record it resembles' }) existing!: PossibleDuplicateSideDto;
  @ApiProperty({ type: [String], example: ['name_and_date_of_birth', 'email'], description: 'name_and_date_of_birth, email and/or phone' }) matchedOn!: string[];
  @ApiProperty({ format: 'date-time', description: 'When the online booking created the record' }) foundAt!: string;
}

export class DismissedDuplicateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['dismissed'] }) resolution!: 'dismissed';
}

export class MergedPatientDto {
  @ApiProperty({ type: PatientDto, description: 'The existing record, now holding what moved' }) patient!: PatientDto;
  @ApiProperty({ format: 'uuid', description: 'The online record: kept, archived, pointing at the existing one' }) mergedPatientId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { appointments: 1, 'consents voided': 1 },
    description: 'How many rows of each kind moved (or were retired), by kind',
  })
  moved!: Record<string, number>;
}

export class MergeBlockerDto {
  @ApiProperty({ example: 'signed-consent' }) record!: string;
  @ApiProperty() count!: number;
  @ApiProperty() message!: string;
}

export class MergeBlockedProblemDto extends ProblemDocumentDto {
  @ApiProperty({ type: [MergeBlockerDto], description: 'What the merge would have to change that must never change' }) blockers!: MergeBlockerDto[];
}
