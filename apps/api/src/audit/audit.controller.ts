import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AuditChainVerificationDto, AuditEventPageDto, AuditEventQueryDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';
import { AuditVerifyService } from './audit-verify.service';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly auditQuery: AuditQueryService,
    private readonly verifier: AuditVerifyService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit trail' })
  @RequirePermission('audit.read')
  @ApiOkResponse({ type: AuditEventPageDto })
  search(@CurrentActor() actor: Actor, @Query() query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    return this.auditQuery.search(actor, query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the audit trail\'s hash chain' })
  @RequirePermission('audit.read')
  @ApiOkResponse({ type: AuditChainVerificationDto, description: "Recomputes every HMAC of the organization's audit chain" })
  verify(@CurrentActor() actor: Actor): Promise<AuditChainVerificationDto> {
    return this.verifier.verify(actor);
  }
}
