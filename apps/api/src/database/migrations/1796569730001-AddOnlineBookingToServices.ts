import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, online booking: each service says who may book it online (off, existing patients, anyone; off for every
 * service that exists today: a clinic opens what it chooses) and carries a short description for the booking page.
 *
 * Published to the online-booking module, `security_invoker` like every published view (row-level security of the
 * clinic the public request resolved): the services open online, and where each practitioner works (weekly hours or
 * extra hours at a location: the same people the availability engine searches).
 */
export class AddOnlineBookingToServices1796569730001 implements MigrationInterface {
  name = 'AddOnlineBookingToServices1796569730001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE services
        ADD COLUMN online_booking text NOT NULL DEFAULT 'off'
          CONSTRAINT services_online_booking_check CHECK (online_booking IN ('off', 'existing_patients', 'anyone')),
        ADD COLUMN description text NOT NULL DEFAULT '' CONSTRAINT services_description_length CHECK (length(description) <= 1000)`);
    await q.query(`
      CREATE VIEW online_bookable_services WITH (security_invoker = true) AS
        SELECT id, organization_id, name, duration_min, procedure_kind, description, online_booking
          FROM services WHERE is_active AND online_booking <> 'off'`);
    await q.query(`
      CREATE VIEW practitioner_work_locations WITH (security_invoker = true) AS
        SELECT organization_id, staff_member_id, location_id FROM working_hours
        UNION
        SELECT organization_id, staff_member_id, location_id FROM working_hours_exceptions WHERE kind = 'extra_hours' AND location_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW practitioner_work_locations`);
    await q.query(`DROP VIEW online_bookable_services`);
    await q.query(`ALTER TABLE services DROP COLUMN description, DROP COLUMN online_booking`);
  }
}
