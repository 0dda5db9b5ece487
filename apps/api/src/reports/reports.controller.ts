import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { sendCsv } from '../common/http/csv-writer';
import { AppointmentsReportDto, AppointmentsReportQueryDto } from './appointments-report.dto';
import { AppointmentsReportService } from './appointments-report.service';
import { CartridgeReportDto, CartridgesQueryDto } from './cartridges.dto';
import { CartridgesReportService } from './cartridges.service';
import { OutcomesByDepthQueryDto, OutcomesByDepthReportDto } from './outcomes-by-depth.dto';
import { OutcomesByDepthService } from './outcomes-by-depth.service';
import type { ReportCsv } from './report-csv';
import { ConsentCoverageDto, ConsentCoverageQueryDto } from './consent-coverage.dto';
import { ConsentCoverageService } from './consent-coverage.service';
import { SafetyReportDto, SafetyReportQueryDto } from './safety-report.dto';
import { SafetyReportService } from './safety-report.service';

/** Clinic reports (issue 17): each a JSON route with `?format=csv`. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly outcomes: OutcomesByDepthService,
    private readonly cartridges: CartridgesReportService,
    private readonly appointments: AppointmentsReportService,
    private readonly safety: SafetyReportService,
    private readonly consentCoverage: ConsentCoverageService,
  ) {}

  @Get('outcomes-by-depth')
  @ApiOperation({ summary: 'Compare outcome improvement by the deepest needle depth of each course' })
  @RequirePermission('reports.clinical')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OutcomesByDepthReportDto, description: 'One row per depth band; ?format=csv for a spreadsheet' })
  async outcomesByDepth(
    @CurrentActor() actor: Actor,
    @Query() query: OutcomesByDepthQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutcomesByDepthReportDto | string> {
    if (query.format === 'csv') return csvFile(reply, await this.outcomes.csv(actor, query));
    return this.outcomes.report(actor, query);
  }

  @Get('cartridges')
  @ApiOperation({ summary: 'Count cartridges received, used, wasted and expired, from the stock ledger' })
  @RequirePermission('reports.operations')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CartridgeReportDto, description: 'One row per product, lot, practitioner or month, and the lots expiring within 60 days; ?format=csv for a spreadsheet of the rows' })
  async cartridgeUse(
    @CurrentActor() actor: Actor,
    @Query() query: CartridgesQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CartridgeReportDto | string> {
    if (query.format === 'csv') return csvFile(reply, await this.cartridges.csv(actor, query));
    return this.cartridges.report(actor, query);
  }

  @Get('appointments')
  @ApiOperation({ summary: 'Count appointments, cancellations and no-shows, and the share of working time booked' })
  @RequirePermission('reports.operations')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AppointmentsReportDto, description: 'One row per practitioner, service, room, weekday, month or weekday and hour, and the total; ?format=csv for a spreadsheet' })
  async appointmentOutcomes(
    @CurrentActor() actor: Actor,
    @Query() query: AppointmentsReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentsReportDto | string> {
    if (query.format === 'csv') return csvFile(reply, await this.appointments.csv(actor, query));
    return this.appointments.report(actor, query);
  }

  @Get('safety')
  @ApiOperation({ summary: 'Show adverse events per 100 sessions, refused session starts by reason, and overrides with who and why' })
  @RequirePermission('reports.clinical')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SafetyReportDto, description: 'Rates by type, depth band, lot and pen; refusals; overrides; ?format=csv for one spreadsheet with a section column' })
  async safetySignals(
    @CurrentActor() actor: Actor,
    @Query() query: SafetyReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SafetyReportDto | string> {
    if (query.format === 'csv') return csvFile(reply, await this.safety.csv(actor, query));
    return this.safety.report(actor, query);
  }

  @Get('consents')
  @ApiOperation({ summary: 'List next week’s appointments not ready for consent or history, consents expiring within 30 days, and how consents were signed' })
  @RequirePermission('reports.operations')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ConsentCoverageDto, description: 'Names the patients to contact (audited); ?format=csv for a spreadsheet of both lists' })
  async consentCoverageReport(
    @CurrentActor() actor: Actor,
    @Query() query: ConsentCoverageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentCoverageDto | string> {
    if (query.format === 'csv') return csvFile(reply, await this.consentCoverage.csv(actor, query));
    return this.consentCoverage.report(actor, query);
  }
}

function csvFile(reply: FastifyReply, file: ReportCsv): string {
  return sendCsv(reply, file.fileName, file.header, file.rows);
}
