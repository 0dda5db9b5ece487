import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { PatientExportDto } from './patient-export.dto';
import { PatientExportService } from './patient-export.service';
import {
  ArchivePatientDto,
  CreatePatientDto,
  DuplicatePatientProblemDto,
  PatientDto,
  PatientPageDto,
  PatientSearchQueryDto,
  PatientTagCountDto,
  UpdatePatientDto,
} from './patient.dto';
import { PatientSearchService } from './patient-search.service';
import { PatientsService } from './patients.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly search: PatientSearchService,
    private readonly exports: PatientExportService,
  ) {}

  @Get()
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: PatientPageDto, description: 'Archived patients are left out unless includeArchived=true' })
  list(@CurrentActor() actor: Actor, @Query() query: PatientSearchQueryDto): Promise<PatientPageDto> {
    return this.search.search(actor, query);
  }

  @Get('tags')
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: [PatientTagCountDto], description: 'Tags in use on current patients, most used first' })
  tags(@CurrentActor() actor: Actor): Promise<PatientTagCountDto[]> {
    return this.search.tags(actor);
  }

  @Post()
  @Idempotent()
  @RequirePermission('patients.write')
  @ApiCreatedResponse({ type: PatientDto, description: 'Registered, with the next medical record number' })
  @ApiConflictResponse({ type: DuplicatePatientProblemDto, description: 'A likely duplicate exists; resend with confirmDuplicate: true to register anyway' })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePatientDto): Promise<PatientDto> {
    return this.patients.create(actor, body);
  }

  @Get(':id')
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: PatientDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PatientDto> {
    return this.patients.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto })
  @ApiConflictResponse({ type: DuplicatePatientProblemDto, description: 'The new name, date of birth, email or phone matches another patient' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdatePatientDto): Promise<PatientDto> {
    return this.patients.update(actor, id, body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto, description: 'Hidden from lists and bookings; nothing is deleted' })
  archive(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ArchivePatientDto): Promise<PatientDto> {
    return this.patients.archive(actor, id, body.reason ?? null);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto })
  restore(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PatientDto> {
    return this.patients.restore(actor, id);
  }

  @Get(':id/export')
  @RequirePermission('patients.export')
  @ApiOkResponse({ type: PatientExportDto, description: 'The whole record as a JSON attachment; every export is audited' })
  async export(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatientExportDto> {
    const record = await this.exports.export(actor, id);
    void reply.header('Content-Disposition', `attachment; filename="patient-${record.patient.mrn}.json"`);
    void reply.header('Cache-Control', 'no-store');
    return record;
  }
}
