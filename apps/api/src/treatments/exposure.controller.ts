import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { ExposureQueryDto, ExposureReportDto } from './exposure.dto';
import { ExposureService } from './exposure.service';

/** Recall support: who was treated with a lot or a device. */
@ApiTags('exposure')
@Controller()
export class ExposureController {
  constructor(private readonly exposure: ExposureService) {}

  @Get('lots/:id/exposure')
  @ApiOperation({ summary: 'List who was treated with a lot' })
  @RequirePermission('exposure.read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ExposureReportDto, description: 'Every session that used the lot; ?format=csv for a spreadsheet' })
  async forLot(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: ExposureQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExposureReportDto | string> {
    return this.answer(await this.exposure.forLot(actor, id), query, reply, `lot-exposure-${id}.csv`);
  }

  @Get('devices/:id/exposure')
  @ApiOperation({ summary: 'List who was treated with a pen handpiece' })
  @RequirePermission('exposure.read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ExposureReportDto, description: 'Every session with the handpiece; ?format=csv for a spreadsheet' })
  async forDevice(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: ExposureQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExposureReportDto | string> {
    return this.answer(await this.exposure.forDevice(actor, id), query, reply, `device-exposure-${id}.csv`);
  }

  private answer(report: ExposureReportDto, query: ExposureQueryDto, reply: FastifyReply, filename: string): ExposureReportDto | string {
    if (query.format !== 'csv') return report;
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return this.exposure.toCsv(report);
  }
}
