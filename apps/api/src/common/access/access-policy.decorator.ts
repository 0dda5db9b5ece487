import { applyDecorators, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Permission } from '@skinledger/domain';

/** What a route requires. Every route declares exactly one; the route-walk test fails on any that do not. */
export type AccessPolicy = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

export const ACCESS_POLICY = 'skinledger:access-policy';

/**
 * Fastify route config of a public route (set by Public): such a route never resolves a session, so never opens a
 * request transaction, and its requests skip that machinery's hooks (database/request-transaction.ts). Only Public
 * sets route config: a route that needs config of its own must merge this in, not replace it.
 */
export const PUBLIC_ROUTE_CONFIG = { skinledgerPublicRoute: true } as const;

/** Open to anyone, signed in or not (health, setup, login). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy), RouteConfig(PUBLIC_ROUTE_CONFIG));

/** Whether a Fastify route's config marks it public (see PUBLIC_ROUTE_CONFIG). */
export function isPublicRouteConfig(config: unknown): boolean {
  return typeof config === 'object' && config !== null && (config as { skinledgerPublicRoute?: unknown }).skinledgerPublicRoute === true;
}
/** Any signed-in staff member, whatever the role (their own session and profile). */
export const SignedIn = () => SetMetadata(ACCESS_POLICY, { kind: 'signed-in' } satisfies AccessPolicy);
/** A signed-in staff member whose role grants this permission in the declared matrix. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_POLICY, { kind: 'permission', permission } satisfies AccessPolicy);

export const BEFORE_MFA_ENROLMENT = 'skinledger:allowed-before-mfa-enrolment';
/**
 * Reachable by a signed-in staff member whose role must use MFA but who has not enrolled yet (enrolment itself,
 * "me" and sign-out); every other route answers 403 mfa-enrollment-required until they enrol.
 */
export const AllowedBeforeMfaEnrolment = () => SetMetadata(BEFORE_MFA_ENROLMENT, true);
