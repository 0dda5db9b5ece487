import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { OutboundMessageListDto, OutboundMessageQueryDto } from './outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messaging')
@Controller('outbound-messages')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'List reminders and notices sent or waiting' })
  @RequirePermission('messages.read')
  @ApiOkResponse({ type: OutboundMessageListDto })
  list(@CurrentActor() actor: Actor, @Query() query: OutboundMessageQueryDto): Promise<OutboundMessageListDto> {
    return this.outbox.list(actor, query);
  }
}
