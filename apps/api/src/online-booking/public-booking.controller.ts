import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../common/access/access-policy.decorator';
import { PublicAvailabilityDto, PublicAvailabilityQueryDto, PublicBookingOptionsDto, PublicBookingOptionsQueryDto } from './public-booking.dto';
import { PublicBookingService } from './public-booking.service';

const CLOSED = 'No such booking page: the slug is unknown or the clinic does not take online bookings (`not-found`, nothing more)';
const LIMITED = 'Too many requests from this network (`too-many-requests`): wait `retryAfterSeconds` (also the Retry-After header)';

// Public by design: patients book without an account. No cookie, no CSRF token, no session is read; the clinic is
// named by its public booking slug, and every route under /api/public is rate-limited per IP (app.factory.ts).
@ApiTags('public booking')
@Controller('public/booking')
export class PublicBookingController {
  constructor(private readonly booking: PublicBookingService) {}

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
}
