import { canAssignRole, roleHasPermission, type StaffRole } from '@skinledger/domain';
import type { CurrentUser } from '@web/entities/current-user';

/** Whether the actor may edit, deactivate or reactivate an account with this role. */
export function canManageMember(actor: CurrentUser, memberRole: StaffRole): boolean {
  return roleHasPermission(actor.role, 'staff.manage') && canAssignRole(actor.role, memberRole);
}
