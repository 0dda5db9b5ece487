/**
 * Readable names for the audit trail's codes. The API has no endpoint listing them, so the filters offer
 * the actions and entity types known so far; unknown codes still display (as the raw code).
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'organization.created': 'Organization created',
  'organization.updated': 'Organization updated',
  'location.created': 'Location created',
  'location.updated': 'Location updated',
  'staff.created': 'Staff member added',
  'staff.updated': 'Staff member changed',
  'staff.deactivated': 'Staff member deactivated',
  'staff.reactivated': 'Staff member reactivated',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  organization: 'Organization',
  location: 'Location',
  staff_member: 'Staff member',
};

/** Field names as people say them. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  defaultLocationId: 'default location',
  isActive: 'active',
  sessionsEnded: 'sessions ended',
  timezone: 'time zone',
};
