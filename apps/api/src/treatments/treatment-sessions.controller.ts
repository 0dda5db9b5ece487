import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PasswordThrottled } from '../common/problems/password-throttled.decorator';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { AppointmentPreflightQueryDto, PreflightDto } from './preflight.dto';
import {
  AddAddendumDto,
  AddCartridgeDto,
  RepeatSessionDto,
  RepeatSessionQueryDto,
  SignTreatmentSessionDto,
  StartedTreatmentSessionDto,
  StartTreatmentSessionDto,
  TreatmentSessionDto,
  TreatmentSessionSummaryPageDto,
  UpdateTreatmentSessionDto,
} from './treatment-sessions.dto';
import { TreatmentSessionsService } from './treatment-sessions.service';
import { SessionRecordPdfService } from './session-record-pdf.service';
import { SessionRepeatService } from './session-repeat.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('treatment sessions')
@Controller()
export class TreatmentSessionsController {
  constructor(
    private readonly sessions: TreatmentSessionsService,
    private readonly records: SessionRecordPdfService,
    private readonly repeats: SessionRepeatService,
  ) {}

  @Post('treatment-sessions/preflight')
  @ApiOperation({ summary: 'Run the preflight checklist without starting' })
  @HttpCode(200)
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: PreflightDto, description: 'The checklist for this session as it would start now; nothing is written' })
  preflight(@CurrentActor() actor: Actor, @Body() body: StartTreatmentSessionDto): Promise<PreflightDto> {
    return this.sessions.dryRun(actor, body);
  }

  @Get('appointments/:id/preflight')
  @ApiOperation({ summary: 'Run the preflight checklist for a booked appointment' })
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: PreflightDto, description: "The safety checklist for the appointment's practitioner on its date" })
  appointmentPreflight(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: AppointmentPreflightQueryDto): Promise<PreflightDto> {
    return this.sessions.appointmentPreflight(actor, id, query);
  }

  @Post('treatment-sessions')
  @ApiOperation({ summary: 'Start a treatment session' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiCreatedResponse({ type: StartedTreatmentSessionDto, description: 'Started; one cartridge of the lot is recorded as used' })
  @ApiUnprocessableEntityResponse({ type: ProblemDocumentDto, description: 'Every preflight blocker, as violations' })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'The lot ran out of stock meanwhile' })
  start(@CurrentActor() actor: Actor, @Body() body: StartTreatmentSessionDto): Promise<StartedTreatmentSessionDto> {
    return this.sessions.start(actor, body);
  }

  @Get('treatment-sessions/:id')
  @ApiOperation({ summary: 'Get a treatment session' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: TreatmentSessionDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TreatmentSessionDto> {
    return this.sessions.get(actor, id);
  }

  @Get('treatment-sessions/:id/pdf')
  @ApiOperation({ summary: 'Download the session record as PDF' })
  @RequirePermission('clinical_record.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The printable session record: zones, depths, pen and lots, anaesthetic, the signature with its record hash, and addenda',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdf(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { fileName, pdf } = await this.records.pdf(actor, id);
    void reply.header('Content-Type', 'application/pdf');
    void reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    void reply.header('Cache-Control', 'no-store');
    return pdf;
  }

  @Patch('treatment-sessions/:id')
  @ApiOperation({ summary: 'Chart an unsigned treatment session' })
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: StartedTreatmentSessionDto })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'The session is signed' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateTreatmentSessionDto): Promise<StartedTreatmentSessionDto> {
    return this.sessions.update(actor, id, body);
  }

  @Post('treatment-sessions/:id/cartridges')
  @ApiOperation({ summary: 'Record another cartridge used in a session' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiCreatedResponse({ type: TreatmentSessionDto, description: 'A second cartridge used, with the reason' })
  addCartridge(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AddCartridgeDto): Promise<TreatmentSessionDto> {
    return this.sessions.addCartridge(actor, id, body);
  }

  @Post('treatment-sessions/:id/sign')
  @ApiOperation({ summary: 'Sign a treatment session' })
  @PasswordThrottled()
  @HttpCode(200)
  @RequirePermission('treatment.record')
  @ApiOkResponse({ type: TreatmentSessionDto, description: 'Signed and locked' })
  sign(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SignTreatmentSessionDto): Promise<TreatmentSessionDto> {
    return this.sessions.sign(actor, id, body.password);
  }

  @Post('treatment-sessions/:id/addenda')
  @ApiOperation({ summary: 'Add an addendum to a signed session' })
  @Idempotent()
  @RequirePermission('treatment.record')
  @ApiCreatedResponse({ type: TreatmentSessionDto, description: 'The session with all its addenda in order' })
  addAddendum(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AddAddendumDto): Promise<TreatmentSessionDto> {
    return this.sessions.addAddendum(actor, id, body);
  }

  @Get('patients/:id/repeat-session')
  @ApiOperation({ summary: 'Start from the patient\'s last session of an indication' })
  @RequirePermission('treatment.record')
  @ApiOkResponse({
    type: RepeatSessionDto,
    description: "The patient's previous signed session of the indication as a chart to start from (zones, depths, passes, pen, the FEFO lot of its cartridge); audited",
  })
  repeatSession(@CurrentActor() actor: Actor, @IdParam() patientId: string, @Query() query: RepeatSessionQueryDto): Promise<RepeatSessionDto> {
    return this.repeats.previous(actor, patientId, query);
  }

  @Get('patients/:id/treatment-sessions')
  @ApiOperation({ summary: 'List a patient\'s treatment sessions' })
  @RequirePermission('clinical_record.read')
  @ApiOkResponse({ type: TreatmentSessionSummaryPageDto, description: 'Newest first, by keyset page (`after` = the previous page\'s nextCursor)' })
  listForPatient(@CurrentActor() actor: Actor, @IdParam() patientId: string, @Query() query: KeysetPageQueryDto): Promise<TreatmentSessionSummaryPageDto> {
    return this.sessions.pageForPatient(actor, patientId, query);
  }
}
