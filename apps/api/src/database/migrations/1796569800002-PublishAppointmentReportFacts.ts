import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: scheduling publishes what the appointments report needs, so the reports module reads views, not
 * scheduling's tables: each appointment (online holds left out: nothing is booked until the code is entered) with its
 * service and room names and its location's zone, and the practitioners' weekly hours and dated exceptions, from
 * which libs/domain's `workingIntervals` (the availability engine's own rule) lays out the available minutes.
 */
export class PublishAppointmentReportFacts1796569800002 implements MigrationInterface {
  name = 'PublishAppointmentReportFacts1796569800002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW appointment_report_facts WITH (security_invoker = true) AS
        SELECT a.organization_id, a.id AS appointment_id, a.location_id, l.timezone, a.practitioner_id, a.service_id, s.name AS service_name,
               a.room_id, r.name AS room_name, a.starts_at, a.ends_at, a.status, a.late_cancellation, a.source
          FROM appointments a
          JOIN services s ON s.organization_id = a.organization_id AND s.id = a.service_id
          JOIN rooms r ON r.organization_id = a.organization_id AND r.id = a.room_id
          JOIN location_directory l ON l.organization_id = a.organization_id AND l.id = a.location_id
         WHERE a.status <> 'held'`);
    await q.query(`
      CREATE VIEW practitioner_weekly_hours WITH (security_invoker = true) AS
        SELECT organization_id, staff_member_id, location_id, weekday, start_minute, end_minute FROM working_hours`);
    await q.query(`
      CREATE VIEW practitioner_hours_exceptions WITH (security_invoker = true) AS
        SELECT organization_id, staff_member_id, location_id, kind, starts_at, ends_at FROM working_hours_exceptions`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW practitioner_hours_exceptions`);
    await q.query(`DROP VIEW practitioner_weekly_hours`);
    await q.query(`DROP VIEW appointment_report_facts`);
  }
}
