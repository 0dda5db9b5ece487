import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
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
import { IdParam } from '../common/dto/id-param';
import { MedicalHistoryAnswersDto } from '../patients/medical-history.dto';
import { PreVisitFormsDto, PreVisitHistoryRecordedDto, PreVisitSignedConsentDto, SignPreVisitConsentDto } from './pre-visit-forms.dto';
import { PreVisitFormsService } from './pre-visit-forms.service';

const UNKNOWN = 'No appointment for this link (`not-found`): the key is unknown, or its appointment is over; nothing more is said';
const CLOSED = 'The appointment was cancelled, missed or completed (`appointment-closed`): there are no forms for it';
const LIMITED = 'Too many requests from this network, or too many actions through this link in an hour (`too-many-requests`): wait `retryAfterSeconds`';
const KEY = { name: 'token', description: 'The manage link’s key (43 characters, base64url), from the booking or forms e-mail' };

// Public by design, like the manage link's other routes: the 256-bit key e-mailed to the patient is the credential
// (stored only as SHA-256); no cookie, no CSRF token, no session. Rate-limited per IP, the writes also per link.
@ApiTags('public booking')
@Controller('public/appointments')
export class PreVisitFormsController {
  constructor(private readonly forms: PreVisitFormsService) {}

  @Get(':token/forms')
  @ApiOperation({ summary: 'The pre-visit forms: the medical-history questionnaire and the consents the visit needs' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PreVisitFormsDto })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  view(@Param('token') token: string, @Origin() origin: RequestOrigin): Promise<PreVisitFormsDto> {
    return this.forms.forms(token, origin);
  }

  @Put(':token/medical-history')
  @ApiOperation({ summary: 'The patient records her medical history (a new version, source patient), screened at once on the appointment’s date' })
  @Public()
  @ApiParam(KEY)
  @ApiOkResponse({ type: PreVisitHistoryRecordedDto, description: 'Recorded; treatmentMustWait and message say, in plain words, whether the treatment must wait' })
  @ApiBadRequestResponse({ description: 'An answer is missing or invalid, or a date is in the future (`validation`, naming the field)' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  recordHistory(@Param('token') token: string, @Body() body: MedicalHistoryAnswersDto, @Origin() origin: RequestOrigin): Promise<PreVisitHistoryRecordedDto> {
    return this.forms.recordHistory(token, body, origin);
  }

  @Post(':token/consents/:consentId/sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient signs a consent of the visit remotely (date of birth re-checked); staff witness it at check-in when the form asks' })
  @Public()
  @ApiParam(KEY)
  @ApiParam({ name: 'consentId', format: 'uuid' })
  @ApiOkResponse({ type: PreVisitSignedConsentDto })
  @ApiBadRequestResponse({ description: 'The date of birth does not match (`validation`, field dateOfBirth), or a field is invalid' })
  @ApiNotFoundResponse({ description: `${UNKNOWN}; or no consent of this visit has that id` })
  @ApiConflictResponse({ description: `${CLOSED}; or the consent is already signed (\`already-signed\`), revoked or superseded` })
  @ApiUnprocessableEntityResponse({ description: 'A required acknowledgement is not ticked, or she did not agree to sign electronically (`rule-violation`)' })
  @ApiTooManyRequestsResponse({ description: LIMITED })
  sign(
    @Param('token') token: string,
    @IdParam('consentId') consentId: string,
    @Body() body: SignPreVisitConsentDto,
    @Origin() origin: RequestOrigin,
  ): Promise<PreVisitSignedConsentDto> {
    return this.forms.sign(token, consentId, body, origin);
  }
}
