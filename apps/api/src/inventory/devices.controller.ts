import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { CreateDeviceDto, CreateServiceEventDto, DeviceDetailDto, DeviceDto, DeviceListQueryDto, UpdateDeviceDto } from './devices.dto';
import { DevicesService } from './devices.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('devices')
@Controller('devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @ApiOperation({ summary: 'List pen handpieces' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: [DeviceDto] })
  list(@CurrentActor() actor: Actor, @Query() query: DeviceListQueryDto): Promise<DeviceDto[]> {
    return this.devices.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Register a pen handpiece' })
  @Idempotent()
  @RequirePermission('devices.manage')
  @ApiCreatedResponse({ type: DeviceDto })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'The serial number is taken (errors names serialNumber)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDeviceDto): Promise<DeviceDto> {
    return this.devices.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a pen handpiece with its service log' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: DeviceDetailDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DeviceDetailDto> {
    return this.devices.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a pen handpiece or its status' })
  @RequirePermission('devices.manage')
  @ApiOkResponse({ type: DeviceDto })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'Serial number taken, or the device is retired' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateDeviceDto): Promise<DeviceDto> {
    return this.devices.update(actor, id, body);
  }

  @Post(':id/service-events')
  @ApiOperation({ summary: 'Log a service of a pen handpiece' })
  @Idempotent()
  @RequirePermission('devices.manage')
  @ApiCreatedResponse({ type: DeviceDetailDto, description: 'The device with its whole service log' })
  addServiceEvent(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateServiceEventDto): Promise<DeviceDetailDto> {
    return this.devices.addServiceEvent(actor, id, body);
  }
}
