import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateStaffMemberDto, StaffListQueryDto, StaffMemberDto, UpdateStaffMemberDto } from './staff.dto';
import { StaffManagementService } from './staff-management.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffManagementService) {}

  @Get()
  @ApiOperation({ summary: 'List staff' })
  @RequirePermission('staff.read')
  @ApiOkResponse({ type: [StaffMemberDto] })
  list(@CurrentActor() actor: Actor, @Query() query: StaffListQueryDto): Promise<StaffMemberDto[]> {
    return this.staff.list(actor, query.includeInactive);
  }

  @Post()
  @ApiOperation({ summary: 'Add a staff member' })
  @Idempotent()
  @RequirePermission('staff.manage')
  @ApiCreatedResponse({ type: StaffMemberDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffMemberDto): Promise<StaffMemberDto> {
    return this.staff.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a staff member' })
  @RequirePermission('staff.read')
  @ApiOkResponse({ type: StaffMemberDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffMemberDto> {
    return this.staff.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff member\'s name, role, password or licences' })
  @RequirePermission('staff.manage')
  @ApiOkResponse({ type: StaffMemberDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateStaffMemberDto,
  ): Promise<StaffMemberDto> {
    return this.staff.update(actor, id, body);
  }

  @Post(':id/deactivate')
  @ApiOperation({ summary: 'Deactivate a staff member' })
  @HttpCode(200)
  @RequirePermission('staff.manage')
  @ApiOkResponse({ type: StaffMemberDto })
  deactivate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffMemberDto> {
    return this.staff.deactivate(actor, id);
  }

  @Post(':id/reactivate')
  @ApiOperation({ summary: 'Reactivate a staff member' })
  @HttpCode(200)
  @RequirePermission('staff.manage')
  @ApiOkResponse({ type: StaffMemberDto })
  reactivate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffMemberDto> {
    return this.staff.reactivate(actor, id);
  }

  @Post(':id/mfa/reset')
  @ApiOperation({ summary: 'Reset a staff member\'s two-step sign-in (lost phone)' })
  @HttpCode(200)
  @RequirePermission('security.manage')
  @ApiOkResponse({ type: StaffMemberDto, description: 'Authenticator and recovery codes removed, sessions ended (audited)' })
  resetMfa(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StaffMemberDto> {
    return this.staff.resetMfa(actor, id);
  }
}
