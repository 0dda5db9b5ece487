import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models the owning modules publish for everyone else (issue 12: a module owns its tables). Other modules join
 * these views instead of the tables, so the owner may change its tables as long as the view keeps its columns, and a
 * join stays one statement (PostgreSQL inlines a simple view). `security_invoker` makes the reader's own privileges
 * and the tables' row-level security apply, so a view never shows another organization's rows.
 */
export class PublishDirectoryViews1796566315498 implements MigrationInterface {
  name = 'PublishDirectoryViews1796566315498';

  async up(q: QueryRunner): Promise<void> {
    // organizations: the clinic's name and its locations' names and time zones.
    await q.query(`
      CREATE VIEW organization_directory WITH (security_invoker = true) AS
        SELECT id, name FROM organizations`);
    await q.query(`
      CREATE VIEW location_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, name, address, phone, timezone, is_active FROM locations`);
    // staff: who a staff member is (never the e-mail or password hash), and practitioners' licences without numbers.
    await q.query(`
      CREATE VIEW staff_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, name, role, is_active, default_location_id FROM staff_members`);
    await q.query(`
      CREATE VIEW practitioner_licences WITH (security_invoker = true) AS
        SELECT organization_id, staff_member_id, licence_type, jurisdiction, expires_on FROM practitioner_credentials`);
    // patients: identity and contact, for lists, reminders and exposure (recall) reports.
    await q.query(`
      CREATE VIEW patient_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, mrn, first_name, last_name, preferred_name, date_of_birth, email, phone, archived_at
          FROM patients`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of ['patient_directory', 'practitioner_licences', 'staff_directory', 'location_directory', 'organization_directory']) {
      await q.query(`DROP VIEW ${view}`);
    }
  }
}
