import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { sendCsv } from '../common/http/csv-writer';
import { ExposureQueryDto, ExposureReportDto } from './exposure.dto';
import { ExposureService, type ExposureCsv } from './exposure.service';

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
    if (query.format === 'csv') return csvFile(reply, await this.exposure.lotCsv(actor, id));
    return this.exposure.forLot(actor, id);
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
    if (query.format === 'csv') return csvFile(reply, await this.exposure.deviceCsv(actor, id));
    return this.exposure.forDevice(actor, id);
  }
}

function csvFile(reply: FastifyReply, file: ExposureCsv): string {
  return sendCsv(reply, file.fileName, file.header, file.rows);
}
