import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Find patients' })
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: PatientPageDto, description: 'Archived patients are left out unless includeArchived=true' })
  list(@CurrentActor() actor: Actor, @Query() query: PatientSearchQueryDto): Promise<PatientPageDto> {
    return this.search.search(actor, query);
  }

  @Get('tags')
  @ApiOperation({ summary: 'List the tags in use on patients' })
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: [PatientTagCountDto], description: 'Tags in use on current patients, most used first' })
  tags(@CurrentActor() actor: Actor): Promise<PatientTagCountDto[]> {
    return this.search.tags(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Register a patient' })
  @Idempotent()
  @RequirePermission('patients.write')
  @ApiCreatedResponse({ type: PatientDto, description: 'Registered, with the next medical record number' })
  @ApiConflictResponse({ type: DuplicatePatientProblemDto, description: 'A likely duplicate exists; resend with confirmDuplicate: true to register anyway' })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePatientDto): Promise<PatientDto> {
    return this.patients.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a patient\'s record' })
  @RequirePermission('patients.read')
  @ApiOkResponse({ type: PatientDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PatientDto> {
    return this.patients.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a patient\'s details' })
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto })
  @ApiConflictResponse({ type: DuplicatePatientProblemDto, description: 'The new name, date of birth, email or phone matches another patient' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdatePatientDto): Promise<PatientDto> {
    return this.patients.update(actor, id, body);
  }

  @Post(':id/archive')
  @ApiOperation({ summary: 'Archive a patient' })
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto, description: 'Hidden from lists and bookings; nothing is deleted' })
  archive(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ArchivePatientDto): Promise<PatientDto> {
    return this.patients.archive(actor, id, body.reason ?? null);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore an archived patient' })
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto })
  restore(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PatientDto> {
    return this.patients.restore(actor, id);
  }

  @Post(':id/verify-identity')
  @ApiOperation({ summary: 'Record that the identity of a self-registered patient was checked' })
  @HttpCode(200)
  @RequirePermission('patients.write')
  @ApiOkResponse({ type: PatientDto, description: 'Verified now, by the signed-in staff member (again: no change); audited' })
  @ApiConflictResponse({ description: 'identity-not-self-registered: staff registered this patient; patient-merged: the record was merged into another' })
  verifyIdentity(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PatientDto> {
    return this.patients.verifyIdentity(actor, id);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Export a patient\'s whole record' })
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
