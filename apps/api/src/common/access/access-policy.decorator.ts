import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@skinledger/domain';

/** What a route requires. Every route declares exactly one; the route-walk test fails on any that do not. */
export type AccessPolicy = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

export const ACCESS_POLICY = 'skinledger:access-policy';

/** Open to anyone, signed in or not (health, setup, login). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
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
