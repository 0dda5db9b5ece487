import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What messaging needs to write an appointment's reminder or notice, published by the owners (issue 12): scheduling
 * the appointment's time, place and service name, organizations the clinic's reminder lead time. Joined with the
 * patient and location directories, a reminder is still read in one statement. Single-table views (the service name
 * is a scalar subquery, not a join) with `security_invoker`, like the directory views.
 */
export class PublishReminderViews1796567100001 implements MigrationInterface {
  name = 'PublishReminderViews1796567100001';

  async up(q: QueryRunner): Promise<void> {
    // scheduling
    await q.query(`
      CREATE VIEW appointment_reminder_details WITH (security_invoker = true) AS
        SELECT a.id, a.organization_id, a.patient_id, a.location_id, a.starts_at,
               (SELECT s.name FROM services s WHERE s.organization_id = a.organization_id AND s.id = a.service_id) AS service_name
          FROM appointments a`);
    // organizations: the one settings key reminders read (null: the server's default applies).
    await q.query(`
      CREATE VIEW organization_reminder_settings WITH (security_invoker = true) AS
        SELECT id AS organization_id, (settings ->> 'reminderHoursBefore')::int AS reminder_hours_before FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW organization_reminder_settings`);
    await q.query(`DROP VIEW appointment_reminder_details`);
  }
}
