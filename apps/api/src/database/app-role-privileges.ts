/**
 * What the API's restricted database role may do: the one place to change it. Applied after every migration run
 * (ensure-app-role.ts), so tables added by later migrations get the default without further work.
 */

/** Every table of the public schema not named below. Never TRUNCATE, REFERENCES or TRIGGER. */
export const DEFAULT_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Append-only records (an immutability trigger refuses UPDATE and DELETE; the role does not even hold them, so
 * switching triggers off would not help either). A new append-only table belongs here
 * (test/app-role.integration.spec.ts fails for one that has the trigger and is missing).
 */
export const APPEND_ONLY_TABLES = [
  'audit_events',
  'stock_movements',
  'patient_medical_histories',
  'recalls',
  'recall_lots',
  'device_service_events',
  'consent_template_versions',
  'treatment_session_addenda',
  'adverse_events',
  'treatment_session_photos',
  'outcome_assessments',
  'preflight_refusals',
] as const;

/** Tables with their own set (records that are archived or revoked, never deleted; read-only bookkeeping). */
export const TABLE_PRIVILEGES: Record<string, readonly string[]> = {
  patients: ['SELECT', 'INSERT', 'UPDATE'],
  consent_records: ['SELECT', 'INSERT', 'UPDATE'],
  // The audit chain's head moves forward (a trigger refuses anything else); it is never deleted.
  audit_chain_heads: ['SELECT', 'INSERT', 'UPDATE'],
  login_failures: ['SELECT', 'INSERT', 'DELETE'],
  schema_migrations: ['SELECT'],
  // Report summaries: kept by triggers running as the writer (a trigger refuses any other change); the appointment
  // counts of a location are deleted and counted again when its time zone changes.
  appointment_day_counts: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  course_outcome_summaries: ['SELECT', 'INSERT', 'UPDATE'],
  course_depth_summaries: ['SELECT', 'INSERT', 'UPDATE'],
  signed_session_lot_days: ['SELECT', 'INSERT', 'UPDATE'],
  cartridge_ledger_days: ['SELECT', 'INSERT', 'UPDATE'],
};

/**
 * The narrow SECURITY DEFINER entry points: used before the organization is known (see EnableRowLevelSecurity), or
 * reading an index row-level security keeps closed, for the current organization only (patient_close_names).
 */
export const DEFINER_FUNCTIONS = [
  'auth_login_candidate(text)',
  'auth_resolve_session(bytea, integer)',
  'auth_revoke_session_token(bytea, text)',
  'setup_is_complete()',
  'calendar_feed_resolve(text)',
  'outbox_message_organization(uuid)',
  'outbox_due_messages(integer)',
  // Patient search's close names: the trigram index read as the owner, for the current tenant only (1796569690000).
  'patient_close_names(text[], text, boolean, text, text, real, uuid, integer)',
  // Public online booking: the clinic a booking slug names, only while online booking is on; sets the tenant (1796569730000).
  'public_booking_resolve(text)',
  // The online booking's manage link: the appointment a key's hash names, until it ends; sets the tenant (1796569750000).
  'online_booking_manage_resolve(bytea)',
] as const;

/** pg-boss's own schema: the worker reads and writes its job tables. */
export const JOB_QUEUE_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

export function privilegesFor(table: string): readonly string[] {
  if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT'];
  return TABLE_PRIVILEGES[table] ?? DEFAULT_TABLE_PRIVILEGES;
}
