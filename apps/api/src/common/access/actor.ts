import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ClinicLocale, StaffRole } from '@skinledger/domain';
import type { FastifyRequest } from 'fastify';

/** Who is acting, for scoping every query to their organization and for the audit trail. */
export interface Actor {
  staffMemberId: string;
  organizationId: string;
  role: StaffRole;
  name: string;
  email: string;
  sessionId: string;
  ip: string;
  requestId: string;
  /** The clinic's English variant: how this request's messages write dates, times and words. */
  locale: ClinicLocale;
  /**
   * The time zone of the actor's clinic calendar as the sign-in check resolved it (clinicTimeZone's rule), so a read
   * need not ask again (issue 15). Absent for actors made outside a request (workers, the demo loader).
   */
  clinicTimeZone?: string;
  /** The sign-in check's answer: their role must use two-step sign-in and they have not enrolled. Absent outside a request. */
  mfaEnrolmentMissing?: boolean;
}

/** Where an event came from when nobody is signed in yet (setup, a login attempt). */
export interface RequestOrigin {
  ip: string;
  requestId: string;
  userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export function requestOrigin(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, requestId: String(request.id), userAgent: request.headers['user-agent'] ?? null };
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route that does not require sign-in');
  return actor;
});

export const Origin = createParamDecorator((_: unknown, context: ExecutionContext): RequestOrigin =>
  requestOrigin(context.switchToHttp().getRequest<FastifyRequest>()),
);
