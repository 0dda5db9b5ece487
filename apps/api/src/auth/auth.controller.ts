import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './cookies';
import { CurrentActor, Origin, type Actor, type RequestOrigin } from './actor';
import { Public, SignedIn } from './access-policy.decorator';
import { ChangePasswordDto, CurrentUserDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AuthCookies } from './auth-cookies';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: CurrentUserDto, description: 'Signed in; sets the session and csrf_token cookies' })
  async login(
    @Body() body: LoginDto,
    @Origin() origin: RequestOrigin,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CurrentUserDto> {
    const previous = request.cookies?.[SESSION_COOKIE];
    const { session, token, user } = await this.auth.login(body.email, body.password, origin, previous);
    this.cookies.set(reply, token, session.csrfToken);
    return user;
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked and its cookies cleared' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    this.cookies.clear(reply);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; the account\'s other sessions are ended' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @SignedIn()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentActor() actor: Actor): Promise<CurrentUserDto> {
    return this.auth.currentUser(actor.staffMemberId);
  }
}
