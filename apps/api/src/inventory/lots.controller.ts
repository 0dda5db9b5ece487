import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { LedgerService } from './ledger.service';
import {
  HoldReasonDto,
  LotDetailDto,
  LotDto,
  LotListQueryDto,
  LotPageDto,
  LotSuggestionDto,
  LotSuggestionQueryDto,
  MovementResultDto,
  ReceiptDto,
  ReceiveLotDto,
  ReceiveScanDto,
  RecallLotDto,
  RecordMovementDto,
  ReleaseLotDto,
  UnknownGtinProblemDto,
  UnreadableLabelProblemDto,
} from './lots.dto';
import { LotsService } from './lots.service';
import { RecallsService } from './recalls.service';
import { Idempotent } from '../common/idempotency/idempotent.decorator';

@ApiTags('inventory')
@Controller('lots')
export class LotsController {
  constructor(
    private readonly lots: LotsService,
    private readonly ledger: LedgerService,
    private readonly recalls: RecallsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List cartridge lots' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: LotPageDto, description: 'A page of lots, earliest expiry first; pass nextCursor as after for the next' })
  list(@CurrentActor() actor: Actor, @Query() query: LotListQueryDto): Promise<LotPageDto> {
    return this.lots.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Receive stock of a lot' })
  @Idempotent()
  @RequirePermission('inventory.receive')
  @ApiCreatedResponse({ type: ReceiptDto, description: 'Stock received; a new lot, or more of a lot on record' })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'The lot is on record with another expiry date' })
  receive(@CurrentActor() actor: Actor, @Body() body: ReceiveLotDto): Promise<ReceiptDto> {
    return this.lots.receive(actor, body);
  }

  @Post('receive-scan')
  @ApiOperation({ summary: 'Receive stock by scanning the GS1 or HIBC label' })
  @Idempotent()
  @RequirePermission('inventory.receive')
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiBadRequestResponse({ type: UnreadableLabelProblemDto, description: 'The label cannot be read: `labelErrors` names each error and its GS1 AI' })
  @ApiNotFoundResponse({
    type: UnknownGtinProblemDto,
    description: 'No product has the scanned GTIN (`unknown-gtin`) or HIBC device id (`unknown-hibc-product`); `scanned` holds the label fields',
  })
  receiveScan(@CurrentActor() actor: Actor, @Body() body: ReceiveScanDto): Promise<ReceiptDto> {
    return this.lots.receiveScan(actor, body);
  }

  @Get('suggest')
  @ApiOperation({ summary: 'Suggest the lot to use next (first expiry, first out)' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: LotSuggestionDto, description: 'First expiry, first out among usable lots in stock at the location' })
  suggest(@CurrentActor() actor: Actor, @Query() query: LotSuggestionQueryDto): Promise<LotSuggestionDto> {
    return this.lots.suggest(actor, query.productId, query.locationId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a lot with its stock and ledger' })
  @RequirePermission('inventory.read')
  @ApiOkResponse({ type: LotDetailDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LotDetailDto> {
    return this.lots.get(actor, id);
  }

  @Post(':id/movements')
  @ApiOperation({ summary: 'Record a stock movement (waste, count, transfer, return)' })
  @Idempotent()
  @RequirePermission('inventory.write')
  @ApiCreatedResponse({ type: MovementResultDto })
  @ApiConflictResponse({ type: ProblemDocumentDto, description: 'Not enough on hand at the location (insufficient-stock)' })
  @ApiUnprocessableEntityResponse({ type: ProblemDocumentDto, description: 'A recalled, quarantined or expired lot cannot be transferred' })
  recordMovement(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecordMovementDto): Promise<MovementResultDto> {
    return this.ledger.record(actor, id, body);
  }

  @Post(':id/quarantine')
  @ApiOperation({ summary: 'Quarantine a lot' })
  @HttpCode(200)
  @RequirePermission('inventory.recall')
  @ApiOkResponse({ type: LotDto, description: 'On hold: cannot be used or transferred until released' })
  quarantine(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: HoldReasonDto): Promise<LotDto> {
    return this.lots.quarantine(actor, id, body);
  }

  @Post(':id/release')
  @ApiOperation({ summary: 'Release a lot from quarantine' })
  @HttpCode(200)
  @RequirePermission('inventory.recall')
  @ApiOkResponse({ type: LotDto })
  release(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ReleaseLotDto): Promise<LotDto> {
    return this.lots.release(actor, id, body);
  }

  @Post(':id/recall')
  @ApiOperation({ summary: 'Recall a lot' })
  @HttpCode(200)
  @RequirePermission('inventory.recall')
  @ApiOkResponse({ type: LotDto, description: 'Recalled at once; recorded in the recalls' })
  recall(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RecallLotDto): Promise<LotDto> {
    return this.recalls.recallLot(actor, id, body);
  }
}
