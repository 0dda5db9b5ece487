import type { StaffRole } from './roles';

/**
 * Every action a route can require. One declared matrix (below) decides which role may do what;
 * the API guards each route with exactly one of these, and the dashboard hides what a role cannot do.
 */
export const PERMISSIONS = [
  'organization.read',
  'organization.manage',
  'staff.read',
  'staff.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;
const CLINICAL_READ: readonly Permission[] = ['organization.read', 'staff.read'];

export const PERMISSION_MATRIX: Record<StaffRole, readonly Permission[]> = {
  owner: ALL,
  admin: ALL,
  physician: CLINICAL_READ,
  nurse: CLINICAL_READ,
  aesthetician: CLINICAL_READ,
  front_desk: ['organization.read', 'staff.read'],
};

export function roleHasPermission(role: StaffRole, permission: Permission): boolean {
  return PERMISSION_MATRIX[role]?.includes(permission) ?? false;
}
