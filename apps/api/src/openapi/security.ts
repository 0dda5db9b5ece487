import type { OpenAPIObject } from '@nestjs/swagger';
import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { permissionInWords, roleHasPermission, STAFF_ROLE_LABELS, STAFF_ROLES } from '@skinledger/domain';
import type { AccessPolicy } from '../common/access/access-policy.decorator';
import { SAFE_METHODS } from '../common/access/access.guard';
import { CSRF_COOKIE, SESSION_COOKIE } from '../common/access/cookies';
import { forEachOperation } from './operations';
import type { RouteFacts } from './route-access';

/** The header the guard compares with the csrf_token cookie, spelt as clients send it. */
const CSRF_HEADER_NAME = 'X-CSRF-Token';

export const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie POST /api/auth/login sets (httpOnly, SameSite=Lax). Idle and absolute timeouts apply; 401 when it has ended.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER_NAME,
    description: `Double-submit CSRF token: echo the ${CSRF_COOKIE} cookie (set at sign-in, bound to the session) on every POST, PUT, PATCH and DELETE; 403 csrf when missing or wrong.`,
  },
};

/**
 * Each operation's `security` from its route's access policy, as the AccessGuard applies it: public routes need
 * nothing; every other route needs the session cookie, and a state-changing one also the CSRF header. A route without
 * a policy is refused by the guard, and refused here too, so the document cannot describe an open route that is closed.
 */
export function withSecurity(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  document.components = { ...document.components, securitySchemes: SECURITY_SCHEMES };
  forEachOperation(document, (operation, method, route) => {
    const policy = operation.operationId ? routes.get(operation.operationId)?.policy : undefined;
    if (!policy) throw new Error(`${method.toUpperCase()} ${route} (${operation.operationId}) declares no access policy`);
    const safe = SAFE_METHODS.has(method.toUpperCase());
    operation.security = policy.kind === 'public' ? [] : [safe ? { session: [] } : { session: [], csrfToken: [] }];
    operation.description = [operation.description, accessInWords(policy, safe)].filter(Boolean).join('\n\n');
  });
  return document;
}

function accessInWords(policy: AccessPolicy, safe: boolean): string {
  const csrf = safe ? '' : ` and the ${CSRF_HEADER_NAME} header`;
  switch (policy.kind) {
    case 'public':
      return 'Access: public, no session needed.';
    case 'signed-in':
      return `Access: any signed-in staff member (session cookie${csrf}).`;
    case 'permission': {
      const roles = STAFF_ROLES.filter((role) => roleHasPermission(role, policy.permission)).map((role) => STAFF_ROLE_LABELS[role]);
      return `Access: permission \`${policy.permission}\` (${permissionInWords(policy.permission)}): ${roles.join(', ')} (session cookie${csrf}).`;
    }
  }
}
