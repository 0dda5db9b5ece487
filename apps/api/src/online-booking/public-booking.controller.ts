import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '../common/access/access-policy.decorator';
import { Origin, type RequestOrigin } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import {
  ConfirmPublicHoldDto,
  CreatePublicHoldDto,
  PublicAvailabilityDto,
  PublicAvailabilityQueryDto,
  PublicBookingConfirmationDto,
  PublicBookingOptionsDto,
  PublicBookingOptionsQueryDto,
  PublicHoldDto,
} from './public-booking.dto';
import { PublicBookingService } from './public-booking.service';
import { PublicHoldsService } from './public-holds.service';

const CLOSED = 'No such booking page: the slug is unknown or the clinic does not take online bookings (`not-found`, nothing more)';
const LIMITED = 'Too many requests from this network (`too-many-requests`): wait `retryAfterSeconds` (also the Retry-After header)';

// Public by design: patients book without an account. No cookie, no CSRF token, no session is read; the clinic is
// named by its public booking slug, and every route under /api/public is rate-limited per IP (app.factory.ts).
@ApiTags('public booking')
@Controller('public/booking')
export class PublicBookingController {
  constructor(
    private readonly booking: PublicBookingService,
    private readonly holds: PublicHoldsService,
  ) {}

  @Get('options')
  @ApiOperation({ summary: 'What a patient may book online: locations, services and practitioners' })
  @Public()
  @ApiOkResponse({ type: PublicBookingOptionsDto })
  @ApiNotFoundResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  options(@Query() query: PublicBookingOptionsQueryDto): Promise<PublicBookingOptionsDto> {
    return this.booking.options(query.organization);
  }

  @Get('availability')
  @ApiOperation({ summary: 'Free starts for a service open online, within the clinic’s online window' })
  @Public()
  @ApiOkResponse({ type: PublicAvailabilityDto })
  @ApiNotFoundResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  availability(@Query() query: PublicAvailabilityQueryDto): Promise<PublicAvailabilityDto> {
    return this.booking.availability(query);
  }

  @Post('holds')
  @HttpCode(201)
  @ApiOperation({ summary: 'Hold a free start for 10 minutes and e-mail a 6-digit code to confirm it' })
  @Public()
  @ApiCreatedResponse({ type: PublicHoldDto, description: 'Held; the same answer whether or not the person is already a patient' })
  @ApiBadRequestResponse({ description: 'A field is invalid (`validation`), e.g. acceptPolicy not true, or a service not open online' })
  @ApiNotFoundResponse({ description: CLOSED })
  @ApiConflictResponse({ description: 'The start is not free for online booking (`slot-taken`): held or booked by someone else, or not offered' })
  @ApiTooManyRequestsResponse({ description: `${LIMITED}; or too many bookings started for this e-mail address in an hour` })
  hold(@Query() query: PublicBookingOptionsQueryDto, @Body() body: CreatePublicHoldDto, @Origin() origin: RequestOrigin): Promise<PublicHoldDto> {
    return this.holds.hold(query.organization, body, origin);
  }

  @Post('holds/:holdId/confirm')
  @HttpCode(201)
  @ApiOperation({ summary: 'Confirm a hold with the e-mailed code: the appointment is booked' })
  @Public()
  @ApiCreatedResponse({ type: PublicBookingConfirmationDto })
  @ApiBadRequestResponse({ description: 'Not the code sent (`validation` on `code`, with the tries left)' })
  @ApiNotFoundResponse({ description: `${CLOSED}; or no such hold` })
  @ApiGoneResponse({ description: 'The hold expired (`hold-expired`) or ended (`hold-ended`: five wrong codes, refused, or already confirmed)' })
  @ApiUnprocessableEntityResponse({ description: 'The booking rules refuse it (`rule-violation`), e.g. `existing-patients-only`; said in plain words' })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  confirm(
    @Query() query: PublicBookingOptionsQueryDto,
    @IdParam('holdId') holdId: string,
    @Body() body: ConfirmPublicHoldDto,
    @Origin() origin: RequestOrigin,
  ): Promise<PublicBookingConfirmationDto> {
    return this.holds.confirm(query.organization, holdId, body, origin);
  }
}
