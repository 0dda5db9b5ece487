/** Staff roles of a clinic. `owner` is the account created at setup; there is at least one per organization. */
export const STAFF_ROLES = ['owner', 'admin', 'physician', 'nurse', 'aesthetician', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  physician: 'Physician',
  nurse: 'Nurse',
  aesthetician: 'Aesthetician',
  front_desk: 'Front desk',
};

/** Roles that treat patients and so may hold practitioner credentials. */
export const PRACTITIONER_ROLES: readonly StaffRole[] = ['physician', 'nurse', 'aesthetician'];

export function isPractitionerRole(role: StaffRole): boolean {
  return PRACTITIONER_ROLES.includes(role);
}

/** Roles that manage other staff: only the owner may create or change another owner. */
export function canAssignRole(actorRole: StaffRole, targetRole: StaffRole): boolean {
  if (actorRole === 'owner') return true;
  if (actorRole === 'admin') return targetRole !== 'owner';
  return false;
}

const AUTHORITY: Record<StaffRole, number> = { owner: 3, admin: 2, physician: 1, nurse: 1, aesthetician: 1, front_desk: 1 };

/**
 * Setting someone else's password takes over their account, so it is allowed only over strictly lower roles
 * (an admin cannot take over another admin or an owner). Nobody sets their own password this way: changing it
 * requires the current one.
 */
export function canResetPassword(actorRole: StaffRole, targetRole: StaffRole): boolean {
  return AUTHORITY[actorRole] > AUTHORITY[targetRole] && canAssignRole(actorRole, targetRole);
}
