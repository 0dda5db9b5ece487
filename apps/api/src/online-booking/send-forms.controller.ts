import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission } from '../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../common/access/actor';
import { IdParam } from '../common/dto/id-param';
import { SendFormsResultDto } from './pre-visit-forms.dto';
import { SendFormsService } from './send-forms.service';

@ApiTags('scheduling')
@Controller('appointments')
export class SendFormsController {
  constructor(private readonly forms: SendFormsService) {}

  @Post(':id/send-forms')
  @HttpCode(200)
  @ApiOperation({ summary: 'E-mail the patient her pre-visit forms (medical history, consents) with a new manage link' })
  @RequirePermission('schedule.book')
  @ApiOkResponse({ type: SendFormsResultDto })
  @ApiNotFoundResponse({ description: 'No such appointment' })
  @ApiConflictResponse({ description: 'The appointment is cancelled, missed, completed or over (`appointment-closed`)' })
  @ApiUnprocessableEntityResponse({ description: 'The consents cannot be prepared: no form of a needed kind, or the practitioner cannot be named (`rule-violation`)' })
  send(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SendFormsResultDto> {
    return this.forms.send(actor, id);
  }
}
