import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { CreateLocationDto, LocationDto, OrganizationDto, UpdateLocationDto, UpdateOrganizationDto } from './organization.dto';
import { OrganizationsService } from './organizations.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('organization')
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('organization')
  @ApiOperation({ summary: 'Get the clinic\'s details' })
  @RequirePermission('organization.read')
  @ApiOkResponse({ type: OrganizationDto })
  get(@CurrentActor() actor: Actor): Promise<OrganizationDto> {
    return this.organizations.get(actor);
  }

  @Patch('organization')
  @ApiOperation({ summary: 'Change the clinic\'s details' })
  @RequirePermission('organization.manage')
  @ApiOkResponse({ type: OrganizationDto })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.update(actor, body);
  }

  @Get('locations')
  @ApiOperation({ summary: 'List the clinic\'s locations' })
  @RequirePermission('organization.read')
  @ApiOkResponse({ type: [LocationDto] })
  listLocations(@CurrentActor() actor: Actor): Promise<LocationDto[]> {
    return this.organizations.listLocations(actor);
  }

  @Post('locations')
  @ApiOperation({ summary: 'Add a location' })
  @Idempotent()
  @RequirePermission('organization.manage')
  @ApiCreatedResponse({ type: LocationDto })
  createLocation(@CurrentActor() actor: Actor, @Body() body: CreateLocationDto): Promise<LocationDto> {
    return this.organizations.createLocation(actor, body);
  }

  @Patch('locations/:id')
  @ApiOperation({ summary: 'Change a location' })
  @RequirePermission('organization.manage')
  @ApiOkResponse({ type: LocationDto })
  updateLocation(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateLocationDto): Promise<LocationDto> {
    return this.organizations.updateLocation(actor, id, body);
  }
}
