import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { AppointmentDto } from './appointments.dto';
import {
  CreateWaitlistEntryDto,
  CreateWaitlistOfferDto,
  FreedSlotListDto,
  FreedSlotQueryDto,
  RemoveWaitlistEntryDto,
  WaitlistEntryDto,
  WaitlistPageDto,
  WaitlistQueryDto,
} from './waitlist.dto';
import { WaitlistService } from './waitlist.service';

@ApiTags('scheduling')
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Get()
  @ApiOperation({ summary: 'List the waitlist' })
  @RequirePermission('waitlist.read')
  @ApiOkResponse({ type: WaitlistPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: WaitlistQueryDto): Promise<WaitlistPageDto> {
    return this.waitlist.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Put a patient on the waitlist' })
  @Idempotent()
  @RequirePermission('waitlist.manage')
  @ApiCreatedResponse({ type: WaitlistEntryDto })
  @ApiUnprocessableEntityResponse({ description: 'Range over or longer than a year, patient archived, service or practitioner inactive (violations)' })
  @ApiConflictResponse({ description: 'The patient is already on the waitlist for the service and location in an overlapping range (duplicate)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWaitlistEntryDto): Promise<WaitlistEntryDto> {
    return this.waitlist.create(actor, body);
  }

  @Get('freed-slots')
  @ApiOperation({ summary: 'List slots freed by cancellations and no-shows' })
  @RequirePermission('waitlist.read')
  @ApiOkResponse({ type: FreedSlotListDto, description: 'Time given back by cancellations, no-shows and reschedules, with the waitlist entries that fit it' })
  freedSlots(@CurrentActor() actor: Actor, @Query() query: FreedSlotQueryDto): Promise<FreedSlotListDto> {
    return this.waitlist.freedSlots(actor, query);
  }

  @Post(':id/remove')
  @ApiOperation({ summary: 'Take a patient off the waitlist' })
  @HttpCode(200)
  @RequirePermission('waitlist.manage')
  @ApiOkResponse({ type: WaitlistEntryDto })
  @ApiConflictResponse({ description: 'Already booked or removed (waitlist-entry-closed)' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RemoveWaitlistEntryDto): Promise<WaitlistEntryDto> {
    return this.waitlist.remove(actor, id, body);
  }

  @Post(':id/offers')
  @ApiOperation({ summary: 'Offer a freed slot to a waiting patient' })
  @Idempotent()
  @RequirePermission('waitlist.manage')
  @ApiCreatedResponse({ type: WaitlistEntryDto, description: 'The entry, offered; an e-mail to the patient is in the outbox' })
  @ApiConflictResponse({ description: 'The entry is closed or expired (waitlist-entry-closed), or the start is no longer free (slot-not-free)' })
  offer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateWaitlistOfferDto): Promise<WaitlistEntryDto> {
    return this.waitlist.offer(actor, id, body);
  }

  @Post('offers/:offerId/book')
  @ApiOperation({ summary: 'Book the slot offered to a waiting patient' })
  @Idempotent()
  @RequirePermission('waitlist.manage')
  @ApiCreatedResponse({ type: AppointmentDto, description: 'The normal booking of the offered slot' })
  @ApiUnprocessableEntityResponse({ description: 'A booking rule refuses it (violations)' })
  @ApiConflictResponse({ description: 'Someone else was booked into the time first (offer-slot-taken), or the offer or entry is closed' })
  book(@CurrentActor() actor: Actor, @IdParam('offerId') offerId: string): Promise<AppointmentDto> {
    return this.waitlist.book(actor, offerId);
  }
}
