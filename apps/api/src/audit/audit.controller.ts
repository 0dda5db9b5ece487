import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/access-policy.decorator';
import { CurrentActor, type Actor } from '../auth/actor';
import { AuditEventPageDto, AuditEventQueryDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly auditQuery: AuditQueryService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOkResponse({ type: AuditEventPageDto })
  search(@CurrentActor() actor: Actor, @Query() query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    return this.auditQuery.search(actor, query);
  }
}
