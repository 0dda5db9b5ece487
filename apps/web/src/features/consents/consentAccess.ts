import { roleHasPermission } from '@skinledger/domain';
import type { CurrentUser } from '@web/entities/current-user';

/** What the signed-in role may do with consents (the API enforces the same matrix). */
export interface ConsentAccess {
  canRead: boolean;
  /** Prepare a consent, run the kiosk, witness. */
  canPrepare: boolean;
  canRevoke: boolean;
  /** Edit, publish and approve templates. */
  canManageTemplates: boolean;
}

export function consentAccess(user: CurrentUser): ConsentAccess {
  return {
    canRead: roleHasPermission(user.role, 'consents.read'),
    canPrepare: roleHasPermission(user.role, 'consents.prepare'),
    canRevoke: roleHasPermission(user.role, 'consents.revoke'),
    canManageTemplates: roleHasPermission(user.role, 'consent_templates.manage'),
  };
}
