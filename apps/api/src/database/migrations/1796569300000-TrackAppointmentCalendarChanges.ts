import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: calendars (the practitioner's subscribed feed, the patient's e-mailed invitation) need to know which
 * version of an appointment they hold. `calendar_sequence` is the iCalendar SEQUENCE (RFC 5545 §3.8.7.4: raised with
 * every change an attendee would see) and `calendar_changed_at` its LAST-MODIFIED. A trigger owns both, so no code
 * path can forget them or set them by hand: a change of time, status, practitioner, room, location or service raises
 * the sequence and stamps the time; notes or bookkeeping columns leave both alone.
 *
 * messaging reads them (with the end and status) through scheduling's published `appointment_reminder_details`, to
 * attach the same event, at the same sequence, to the patient's e-mails.
 */
export class TrackAppointmentCalendarChanges1796569300000 implements MigrationInterface {
  name = 'TrackAppointmentCalendarChanges1796569300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appointments
        ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0 CONSTRAINT appointments_calendar_sequence_check CHECK (calendar_sequence >= 0),
        ADD COLUMN calendar_changed_at timestamptz`);
    // Earlier appointments: their history of changes is not known; the last write is the latest it can be.
    await q.query(`UPDATE appointments SET calendar_changed_at = updated_at`);
    await q.query(`ALTER TABLE appointments ALTER COLUMN calendar_changed_at SET DEFAULT now(), ALTER COLUMN calendar_changed_at SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION appointments_track_calendar_changes() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.calendar_sequence := 0;
          NEW.calendar_changed_at := now();
        ELSIF (NEW.starts_at, NEW.ends_at, NEW.status, NEW.practitioner_id, NEW.room_id, NEW.location_id, NEW.service_id)
              IS DISTINCT FROM (OLD.starts_at, OLD.ends_at, OLD.status, OLD.practitioner_id, OLD.room_id, OLD.location_id, OLD.service_id) THEN
          NEW.calendar_sequence := OLD.calendar_sequence + 1;
          NEW.calendar_changed_at := greatest(now(), OLD.calendar_changed_at);
        ELSE
          NEW.calendar_sequence := OLD.calendar_sequence;
          NEW.calendar_changed_at := OLD.calendar_changed_at;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER appointments_track_calendar_changes BEFORE INSERT OR UPDATE ON appointments
        FOR EACH ROW EXECUTE FUNCTION appointments_track_calendar_changes()`);
    // New columns go at the end of the published view (CREATE OR REPLACE keeps the existing ones as they were).
    await q.query(`
      CREATE OR REPLACE VIEW appointment_reminder_details WITH (security_invoker = true) AS
        SELECT a.id, a.organization_id, a.patient_id, a.location_id, a.starts_at,
               (SELECT s.name FROM services s WHERE s.organization_id = a.organization_id AND s.id = a.service_id) AS service_name,
               a.ends_at, a.status, a.calendar_sequence, a.calendar_changed_at
          FROM appointments a`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW appointment_reminder_details`);
    await q.query(`
      CREATE VIEW appointment_reminder_details WITH (security_invoker = true) AS
        SELECT a.id, a.organization_id, a.patient_id, a.location_id, a.starts_at,
               (SELECT s.name FROM services s WHERE s.organization_id = a.organization_id AND s.id = a.service_id) AS service_name
          FROM appointments a`);
    await q.query(`DROP TRIGGER appointments_track_calendar_changes ON appointments`);
    await q.query(`DROP FUNCTION appointments_track_calendar_changes()`);
    await q.query(`ALTER TABLE appointments DROP COLUMN calendar_changed_at, DROP COLUMN calendar_sequence`);
  }
}
