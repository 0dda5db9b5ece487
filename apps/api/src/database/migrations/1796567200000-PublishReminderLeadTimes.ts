import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * organizations publishes each clinic's reminder lead time for messaging (issue 12): the outbox computes a reminder's
 * send time in the statement that reads the appointment, so it joins this view instead of the organizations table.
 * The value is the settings key `reminderHoursBefore` (settings/organization-settings.keys.ts); NULL when the clinic
 * never set it, and the server's REMINDER_HOURS_BEFORE applies.
 */
export class PublishReminderLeadTimes1796567200000 implements MigrationInterface {
  name = 'PublishReminderLeadTimes1796567200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW reminder_lead_times WITH (security_invoker = true) AS
        SELECT id AS organization_id, (settings->>'reminderHoursBefore')::int AS hours_before FROM organizations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW reminder_lead_times`);
  }
}
