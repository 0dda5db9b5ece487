import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { permissionInWords, roleHasPermission, STAFF_ROLE_LABELS } from '@skinledger/domain';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../problems/domain-error';
import { ACCESS_POLICY, BEFORE_MFA_ENROLMENT, type AccessPolicy } from './access-policy.decorator';
import { requestCookie } from './cookie-header';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies';
import { SESSION_RESOLVER, type SessionResolver } from './session-resolver';

/** Methods that change nothing, so need no CSRF token (the OpenAPI document's security reads this too). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: resolves the session cookie (opening the request's transaction, scoped to the session's
 * organization: database/request-transaction.ts), checks CSRF on state-changing requests and applies the
 * route's declared policy against the permission matrix. A route without a policy is refused (fail closed).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_RESOLVER) private readonly sessions: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) throw new ForbiddenError('This route declares no permission and is closed', 'no-policy');
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = requestCookie(request, SESSION_COOKIE);
    const active = token ? await this.sessions.resolveForRequest(token) : undefined;
    if (!active) throw new UnauthorizedError('Your session has ended. Sign in to continue.');

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const cookie = requestCookie(request, CSRF_COOKIE);
      if (typeof header !== 'string' || header !== cookie || header !== active.csrfToken) {
        throw new ForbiddenError('Missing or wrong X-CSRF-Token header', 'csrf');
      }
    }

    const beforeEnrolment = this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_MFA_ENROLMENT, [context.getHandler(), context.getClass()]);
    if (!beforeEnrolment && active.mfaEnrolmentMissing) {
      throw new ForbiddenError('Your clinic requires two-step sign-in for your role: set it up first (Account → Security)', 'mfa-enrollment-required');
    }
    if (policy.kind === 'permission' && !roleHasPermission(active.role, policy.permission)) {
      throw new ForbiddenError(`Your role (${STAFF_ROLE_LABELS[active.role]}) does not allow ${permissionInWords(policy.permission)}`, 'permission', { permission: policy.permission });
    }
    request.actor = {
      staffMemberId: active.staffMemberId,
      organizationId: active.organizationId,
      role: active.role,
      name: active.name,
      email: active.email,
      sessionId: active.sessionId,
      ip: request.ip,
      requestId: String(request.id),
      locale: active.locale,
      clinicTimeZone: active.clinicTimeZone,
      mfaEnrolmentMissing: active.mfaEnrolmentMissing,
    };
    return true;
  }
}
