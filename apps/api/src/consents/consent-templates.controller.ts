import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import {
  ApproveConsentTemplateDto,
  ConsentTemplateDetailDto,
  ConsentTemplateDto,
  CreateConsentTemplateDto,
  PublishConsentTemplateVersionDto,
} from './consent-templates.dto';
import { ConsentTemplatesService } from './consent-templates.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('consents')
@Controller('consent-templates')
export class ConsentTemplatesController {
  constructor(private readonly templates: ConsentTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'List consent templates' })
  @RequirePermission('consents.read')
  @ApiOkResponse({ type: [ConsentTemplateDto], description: 'Every template with its current version; the defaults appear on first use' })
  list(@CurrentActor() actor: Actor): Promise<ConsentTemplateDto[]> {
    return this.templates.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a consent template' })
  @Idempotent()
  @RequirePermission('consent_templates.manage')
  @ApiCreatedResponse({ type: ConsentTemplateDetailDto, description: 'Created with version 1, awaiting review' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateConsentTemplateDto): Promise<ConsentTemplateDetailDto> {
    return this.templates.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a consent template with its versions' })
  @RequirePermission('consents.read')
  @ApiOkResponse({ type: ConsentTemplateDetailDto, description: 'The template with every published version, newest first' })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ConsentTemplateDetailDto> {
    return this.templates.get(actor, id);
  }

  @Post(':id/versions')
  @ApiOperation({ summary: 'Publish a new version of a consent template' })
  @Idempotent()
  @RequirePermission('consent_templates.manage')
  @ApiCreatedResponse({ type: ConsentTemplateDetailDto, description: 'The new version is current and awaits review; old versions stay' })
  publish(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: PublishConsentTemplateVersionDto): Promise<ConsentTemplateDetailDto> {
    return this.templates.publishVersion(actor, id, body);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approve a consent template\'s current version' })
  @HttpCode(200)
  @RequirePermission('consent_templates.manage')
  @ApiOkResponse({ type: ConsentTemplateDetailDto, description: 'Records that the current version was reviewed with the medical director' })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ApproveConsentTemplateDto): Promise<ConsentTemplateDetailDto> {
    return this.templates.approve(actor, id, body);
  }
}
