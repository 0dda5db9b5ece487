import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { RecallDto, RecallNoticeDto, RecallNoticeResultDto } from './recalls.dto';
import { RecallsService } from './recalls.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('inventory')
@Controller('recalls')
export class RecallsController {
  constructor(private readonly recalls: RecallsService) {}

  @Get()
  @ApiOperation({ summary: 'List recalls' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: [RecallDto], description: 'Newest first' })
  list(@CurrentActor() actor: Actor): Promise<RecallDto[]> {
    return this.recalls.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Record a manufacturer\'s recall notice' })
  @Idempotent()
  @RequirePermission('inventory.recall')
  @ApiCreatedResponse({ type: RecallNoticeResultDto, description: 'Lots found were recalled at once; the rest are listed as not found' })
  recordNotice(@CurrentActor() actor: Actor, @Body() body: RecallNoticeDto): Promise<RecallNoticeResultDto> {
    return this.recalls.recallNotice(actor, body);
  }
}
