import type { Permission } from '@skinledger/domain';
import { useSignedInUser } from './useSignedInUser';

/** Whether the signed-in user's role grants a permission (the API's permission list for the role). */
export function usePermission(permission: Permission): boolean {
  return useSignedInUser().permissions.includes(permission);
}
