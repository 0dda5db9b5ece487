import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { IdParam } from '../../common/dto/id-param';
import { DismissedDuplicateDto, MergeBlockedProblemDto, MergedPatientDto, PossibleDuplicateDto } from './possible-duplicates.dto';
import { PossibleDuplicatesService } from './possible-duplicates.service';

@ApiTags('patients')
@Controller('patients/possible-duplicates')
export class PossibleDuplicatesController {
  constructor(private readonly duplicates: PossibleDuplicatesService) {}

  @Get()
  @ApiOperation({ summary: 'List possible duplicates found at online booking' })
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: [PossibleDuplicateDto], description: 'Open pairs, oldest first (at most 200); audited' })
  list(@CurrentActor() actor: Actor): Promise<PossibleDuplicateDto[]> {
    return this.duplicates.list(actor);
  }

  @Post(':id/dismiss')
  @ApiOperation({ summary: 'Mark a possible duplicate as two different people' })
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: DismissedDuplicateDto, description: 'Dismissed (again: no change); audited' })
  @ApiConflictResponse({ description: 'The records were merged already (duplicate-resolved)' })
  dismiss(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DismissedDuplicateDto> {
    return this.duplicates.dismiss(actor, id);
  }

  @Post(':id/merge')
  @ApiOperation({ summary: 'Merge the online record into the existing one' })
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: MergedPatientDto, description: 'Appointments, courses and waitlist entries moved; the online record archived and pointing at the existing one; audited on both' })
  @ApiConflictResponse({ type: MergeBlockedProblemDto, description: 'merge-blocked: a signed or append-only record would have to change (each named in blockers); duplicate-resolved; patient-merged' })
  merge(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MergedPatientDto> {
    return this.duplicates.merge(actor, id);
  }
}
