import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PasswordThrottled } from '../common/problems/password-throttled.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestCookie } from '../common/access/cookie-header';
import { MFA_PENDING_COOKIE, SESSION_COOKIE } from '../common/access/cookies';
import { CurrentActor, Origin, type Actor, type RequestOrigin } from '../common/access/actor';
import { AllowedBeforeMfaEnrolment, Public, SignedIn } from '../common/access/access-policy.decorator';
import { ChangePasswordDto, CurrentUserDto, LoginDto, MfaLoginDto, MfaRequiredDto } from './auth.dto';
import { AuthService, MFA_PENDING_SECONDS } from './auth.service';
import { AuthCookies } from './auth-cookies';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post('login')
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (`invalid-credentials`); the answer does not say which' })
  @PasswordThrottled()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: CurrentUserDto, description: 'Signed in; sets the session and csrf_token cookies' })
  @ApiAcceptedResponse({ type: MfaRequiredDto, description: 'Password right, MFA on: no session yet; send the code to /api/auth/login/mfa' })
  async login(
    @Body() body: LoginDto,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserDto | MfaRequiredDto> {
    const outcome = await this.auth.login(body.email, body.password, origin, requestCookie(request, SESSION_COOKIE));
    if (outcome.kind === 'mfa-required') {
      this.cookies.setMfaPending(reply, outcome.pendingToken, MFA_PENDING_SECONDS);
      void reply.status(202);
      return { mfaRequired: true };
    }
    this.cookies.set(reply, outcome.issued.token, outcome.issued.session.csrfToken);
    return outcome.issued.user;
  }

  @Post('login/mfa')
  @ApiOperation({ summary: 'Finish signing in with the two-step code' })
  @ApiUnauthorizedResponse({ description: 'The code is wrong (`invalid-mfa-code`), or the password step has expired or was not made in this browser (`mfa-login-expired`)' })
  @PasswordThrottled()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: CurrentUserDto, description: 'Signed in; sets the session and csrf_token cookies' })
  async loginMfa(
    @Body() body: MfaLoginDto,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserDto> {
    const { session, token, user } = await this.auth.completeMfaLogin(
      requestCookie(request, MFA_PENDING_COOKIE),
      { code: body.code, recoveryCode: body.recoveryCode },
      origin,
      requestCookie(request, SESSION_COOKIE),
    );
    this.cookies.clearMfaPending(reply);
    this.cookies.set(reply, token, session.csrfToken);
    return user;
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out' })
  @SignedIn()
  @AllowedBeforeMfaEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked and its cookies cleared' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    this.cookies.clear(reply);
  }

  @Post('password')
  @ApiOperation({ summary: 'Change my password' })
  @PasswordThrottled()
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; the account\'s other sessions are ended' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in' })
  @SignedIn()
  @AllowedBeforeMfaEnrolment()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentActor() actor: Actor): Promise<CurrentUserDto> {
    return this.auth.currentUser(actor);
  }
}
