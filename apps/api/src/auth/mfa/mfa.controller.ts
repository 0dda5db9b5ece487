import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PasswordThrottled } from '../../common/problems/password-throttled.decorator';
import { AllowedBeforeMfaEnrolment, SignedIn } from '../../common/access/access-policy.decorator';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { ActivateTotpDto, DisableTotpDto, EnrollTotpDto, MfaStatusDto, RecoveryCodesDto, TotpEnrollmentDto } from './mfa.dto';
import { MfaService } from './mfa.service';

/** The signed-in staff member's own second factor. */
@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get()
  @ApiOperation({ summary: 'My two-step sign-in status' })
  @SignedIn()
  @AllowedBeforeMfaEnrolment()
  @ApiOkResponse({ type: MfaStatusDto })
  status(@CurrentActor() actor: Actor): Promise<MfaStatusDto> {
    return this.mfa.status(actor);
  }

  @Post('totp/enroll')
  @ApiOperation({ summary: 'Start setting up an authenticator app' })
  @PasswordThrottled()
  @SignedIn()
  @AllowedBeforeMfaEnrolment()
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrollmentDto, description: 'A new secret; MFA is on once a code from it is sent to activate' })
  enroll(@CurrentActor() actor: Actor, @Body() body: EnrollTotpDto): Promise<TotpEnrollmentDto> {
    return this.mfa.enroll(actor, body.password);
  }

  @Post('totp/activate')
  @ApiOperation({ summary: 'Turn on two-step sign-in with a first code' })
  @SignedIn()
  @AllowedBeforeMfaEnrolment()
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesDto })
  activate(@CurrentActor() actor: Actor, @Body() body: ActivateTotpDto): Promise<RecoveryCodesDto> {
    return this.mfa.activate(actor, body.code);
  }

  @Post('totp/disable')
  @ApiOperation({ summary: 'Turn off two-step sign-in' })
  @PasswordThrottled()
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'MFA is off; needs the password and a current code (or a recovery code)' })
  async disable(@CurrentActor() actor: Actor, @Body() body: DisableTotpDto): Promise<void> {
    await this.mfa.disable(actor, body.password, { code: body.code, recoveryCode: body.recoveryCode });
  }
}
