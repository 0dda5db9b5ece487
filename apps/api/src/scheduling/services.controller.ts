import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateServiceDto, ServiceDto, UpdateServiceDto } from './catalog.dto';
import { CatalogService } from './catalog.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('scheduling')
@Controller('services')
export class ServicesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: 'List services' })
  @RequirePermission('schedule.read')
  @ApiOkResponse({ type: [ServiceDto] })
  list(@CurrentActor() actor: Actor): Promise<ServiceDto[]> {
    return this.catalog.listServices(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Add a service' })
  @Idempotent()
  @RequirePermission('schedule.manage')
  @ApiCreatedResponse({ type: ServiceDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateServiceDto): Promise<ServiceDto> {
    return this.catalog.createService(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a service' })
  @RequirePermission('schedule.manage')
  @ApiOkResponse({ type: ServiceDto })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateServiceDto): Promise<ServiceDto> {
    return this.catalog.updateService(actor, id, body);
  }
}
