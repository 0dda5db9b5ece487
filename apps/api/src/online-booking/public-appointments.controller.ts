import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '../common/access/access-policy.decorator';
import { Origin, type RequestOrigin } from '../common/access/actor';
import {
  CancelPublicAppointmentDto,
  ManageAvailabilityQueryDto,
  PublicAvailabilityDto,
  PublicManagedAppointmentDto,
  ReschedulePublicAppointmentDto,
} from './public-booking.dto';
import { PublicAppointmentsService } from './public-appointments.service';

const UNKNOWN = 'No appointment for this link (`not-found`): the key is unknown, or its appointment is over; nothing more is said';
const LIMITED = 'Too many requests from this network, or too many changes through this link in an hour (`too-many-requests`): wait `retryAfterSeconds`';
const WINDOW = 'Inside the clinic’s cancellation window (`inside-cancellation-window`): the message says to call the clinic, with its number when it has one';
const KEY = { name: 'token', description: 'The manage link’s key (43 characters, base64url), from the booking confirmation e-mail' };

// Public by design: the link's 256-bit key, e-mailed to the patient at confirmation and stored only as SHA-256, is
// the credential (like a calendar feed's). No cookie, no CSRF token, no session is read; every route under
// /api/public is rate-limited per IP, and the changes also per link. The key is never written to the logs.
@ApiTags('public booking')
@Controller('public/appointments')
export class PublicAppointmentsController {
  constructor(private readonly appointments: PublicAppointmentsService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The appointment a manage link names, as its patient may see it' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PublicManagedAppointmentDto })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  view(@Param('token') token: string, @Origin() origin: RequestOrigin): Promise<PublicManagedAppointmentDto> {
    return this.appointments.view(token, origin);
  }

  @Get(':token/availability')
  @ApiOperation({ summary: 'Free starts the appointment may move to: same service, location and practitioner, within the online window' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PublicAvailabilityDto, description: 'Empty when it can no longer be moved online' })
  @ApiBadRequestResponse({ description: 'from or to is invalid, or more than 14 days apart (`validation`)' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  availability(@Param('token') token: string, @Query() query: ManageAvailabilityQueryDto, @Origin() origin: RequestOrigin): Promise<PublicAvailabilityDto> {
    return this.appointments.availability(token, query, origin);
  }

  @Post(':token/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient confirms she is coming (status confirmed); again changes nothing' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PublicManagedAppointmentDto })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: 'The appointment can no longer be confirmed (`illegal-transition`), e.g. it was cancelled' })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  confirm(@Param('token') token: string, @Origin() origin: RequestOrigin): Promise<PublicManagedAppointmentDto> {
    return this.appointments.confirm(token, origin);
  }

  @Post(':token/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient cancels, outside the clinic’s cancellation window; again changes nothing' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PublicManagedAppointmentDto })
  @ApiBadRequestResponse({ description: 'The reason is too long (`validation`)' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: `${WINDOW}; or the appointment can no longer be cancelled (\`illegal-transition\`)` })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  cancel(@Param('token') token: string, @Body() body: CancelPublicAppointmentDto, @Origin() origin: RequestOrigin): Promise<PublicManagedAppointmentDto> {
    return this.appointments.cancel(token, body, origin);
  }

  @Post(':token/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient moves the appointment to a start the public availability offers' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PublicManagedAppointmentDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (`validation`)' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({
    description: `The start is not offered or was just taken (\`slot-taken\`); ${WINDOW}; or the appointment can no longer be moved (\`not-reschedulable\`)`,
  })
  @ApiUnprocessableEntityResponse({ description: 'The booking rules refuse the new time (`rule-violation`), said in plain words' })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  reschedule(@Param('token') token: string, @Body() body: ReschedulePublicAppointmentDto, @Origin() origin: RequestOrigin): Promise<PublicManagedAppointmentDto> {
    return this.appointments.reschedule(token, body, origin);
  }
}
