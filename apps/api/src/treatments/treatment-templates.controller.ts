import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { TemplateQueryDto, TreatmentTemplateDto, TreatmentTemplateInputDto } from './treatment-templates.dto';
import { TreatmentTemplatesService } from './treatment-templates.service';

@ApiTags('treatment templates')
@Controller('treatment-templates')
export class TreatmentTemplatesController {
  constructor(private readonly templates: TreatmentTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'List treatment templates' })
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: [TreatmentTemplateDto], description: 'By indication, then name; each checked against the current zone maximums' })
  list(@CurrentActor() actor: Actor, @Query() query: TemplateQueryDto): Promise<TreatmentTemplateDto[]> {
    return this.templates.list(actor, query.indication);
  }

  @Post()
  @ApiOperation({ summary: 'Create a treatment template' })
  @Idempotent()
  @RequirePermission('treatment_templates.manage')
  @ApiCreatedResponse({ type: TreatmentTemplateDto })
  @ApiUnprocessableEntityResponse({ type: ProblemDocumentDto, description: 'A zone the preflight would block (device steps, device or zone maximum), as violations' })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'A template of that name exists' })
  create(@CurrentActor() actor: Actor, @Body() body: TreatmentTemplateInputDto): Promise<TreatmentTemplateDto> {
    return this.templates.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a treatment template' })
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: TreatmentTemplateDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TreatmentTemplateDto> {
    return this.templates.get(actor, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a treatment template' })
  @RequirePermission('treatment_templates.manage')
  @ApiOkResponse({ type: TreatmentTemplateDto })
  @ApiUnprocessableEntityResponse({ type: ProblemDocumentDto, description: 'A zone the preflight would block, as violations' })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'A template of that name exists' })
  replace(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: TreatmentTemplateInputDto): Promise<TreatmentTemplateDto> {
    return this.templates.replace(actor, id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a treatment template' })
  @HttpCode(204)
  @RequirePermission('treatment_templates.manage')
  @ApiNoContentResponse({ description: 'Deleted; sessions charted from it keep their own zones' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.templates.remove(actor, id);
  }
}
