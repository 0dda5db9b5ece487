import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Issue 17: the appointments report reads counts kept per day instead of a year of appointments (1,000,000 rows made
 * it 0.8–1.2 s). Scheduling keeps `appointment_day_counts` in the same statement that writes an appointment (statement
 * triggers with transition tables, so a bulk insert updates each count once): per location, local date (the location's
 * zone), practitioner and one dimension — the service, the room, or the local clock hour. Each appointment is counted
 * once per dimension: in its service's row, its room's row and its starting hour's row; its booked minutes go to each
 * clock hour they cover (real minutes, so a DST night is counted as it was lived). Grouping by practitioner, weekday
 * or month sums the hour rows. Online holds are not appointments yet and count nothing.
 *
 * Written only by the triggers (a direct change is refused); published to the reports module as a view with names. A
 * change of a location's time zone counts that location again (a trigger on locations: the one fact of another module
 * the counts are laid out by).
 */
export class KeepAppointmentDayCounts1796569820000 implements MigrationInterface {
  name = 'KeepAppointmentDayCounts1796569820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_direct_report_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION '% is kept by triggers from the facts it counts: direct % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE appointment_day_counts (
        organization_id uuid NOT NULL,
        location_id uuid NOT NULL,
        local_date date NOT NULL,
        practitioner_id uuid NOT NULL,
        dimension text NOT NULL CHECK (dimension IN ('service', 'room', 'hour')),
        -- The service or room (dimension service / room); null for an hour row.
        dimension_id uuid,
        -- The local clock hour 0–23 (dimension hour); null otherwise.
        local_hour smallint CHECK (local_hour BETWEEN 0 AND 23),
        booked integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        cancelled integer NOT NULL DEFAULT 0,
        late_cancelled integer NOT NULL DEFAULT 0,
        no_shows integer NOT NULL DEFAULT 0,
        online_booked integer NOT NULL DEFAULT 0,
        -- Minutes of appointments not cancelled (no-shows included: the time was held for them).
        booked_minutes numeric NOT NULL DEFAULT 0,
        CHECK ((dimension = 'hour') = (local_hour IS NOT NULL) AND (dimension = 'hour') = (dimension_id IS NULL)),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX appointment_day_counts_key ON appointment_day_counts
        (organization_id, dimension, local_date, location_id, practitioner_id, dimension_id, local_hour) NULLS NOT DISTINCT`);
    await q.query(`ALTER TABLE appointment_day_counts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE appointment_day_counts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON appointment_day_counts USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);

    // What one appointment adds to the counts (sign -1 takes an old version away). An online hold is not an
    // appointment yet: while held, and once let go (cancelled without a patient), it counts nothing. The clock hours
    // are stepped through as real instants from the start's hour in the location's zone, so the hour repeated on the
    // autumn night is two rows of that hour (summed) and the skipped spring hour none; each row's minutes are the real
    // overlap.
    await q.query(`
      CREATE FUNCTION appointment_day_count_rows(a appointments, tz text, sign integer)
      RETURNS TABLE (organization_id uuid, location_id uuid, local_date date, practitioner_id uuid, dimension text, dimension_id uuid,
                     local_hour smallint, booked integer, completed integer, cancelled integer, late_cancelled integer, no_shows integer,
                     online_booked integer, booked_minutes numeric)
      LANGUAGE sql STABLE AS $$
        WITH counts AS (
          SELECT sign AS booked,
                 sign * (a.status = 'completed')::int AS completed,
                 sign * (a.status = 'cancelled')::int AS cancelled,
                 sign * a.late_cancellation::int AS late_cancelled,
                 sign * (a.status = 'no_show')::int AS no_shows,
                 sign * (a.source = 'online')::int AS online_booked,
                 CASE WHEN a.status = 'cancelled' THEN 0 ELSE sign * extract(epoch FROM a.ends_at - a.starts_at) / 60 END AS minutes,
                 date_trunc('hour', a.starts_at, tz) AS first_hour
           WHERE a.status <> 'held' AND a.patient_id IS NOT NULL
        )
        SELECT a.organization_id, a.location_id, (a.starts_at AT TIME ZONE tz)::date, a.practitioner_id, d.dimension, d.id, NULL::smallint,
               c.booked, c.completed, c.cancelled, c.late_cancelled, c.no_shows, c.online_booked, c.minutes
          FROM counts c, (VALUES ('service', a.service_id), ('room', a.room_id)) d(dimension, id)
        UNION ALL
        SELECT a.organization_id, a.location_id, (h AT TIME ZONE tz)::date, a.practitioner_id, 'hour', NULL, extract(hour FROM h AT TIME ZONE tz)::smallint,
               first * c.booked, first * c.completed, first * c.cancelled, first * c.late_cancelled, first * c.no_shows, first * c.online_booked,
               CASE WHEN a.status = 'cancelled' THEN 0
                    ELSE sign * extract(epoch FROM least(a.ends_at, h + interval '1 hour') - greatest(a.starts_at, h)) / 60 END
          FROM counts c
         CROSS JOIN LATERAL generate_series(c.first_hour, greatest(a.ends_at - interval '1 microsecond', a.starts_at), interval '1 hour') h
         CROSS JOIN LATERAL (SELECT (h = c.first_hour)::int AS first) f
      $$`);

    // One statement per change: the old versions taken away, the new ones added, summed per row of the counts and
    // written in key order (two transactions touching the same days lock them in the same order).
    await q.query(`
      CREATE FUNCTION add_appointment_day_counts(added appointments[], removed appointments[]) RETURNS void LANGUAGE sql AS $$
        WITH changed AS (
          SELECT r.* FROM unnest(added) n JOIN location_directory l ON l.organization_id = n.organization_id AND l.id = n.location_id
           CROSS JOIN LATERAL appointment_day_count_rows(n, l.timezone, 1) r
          UNION ALL
          SELECT r.* FROM unnest(removed) o JOIN location_directory l ON l.organization_id = o.organization_id AND l.id = o.location_id
           CROSS JOIN LATERAL appointment_day_count_rows(o, l.timezone, -1) r
        )
        INSERT INTO appointment_day_counts AS t (organization_id, location_id, local_date, practitioner_id, dimension, dimension_id, local_hour,
                                                 booked, completed, cancelled, late_cancelled, no_shows, online_booked, booked_minutes)
        SELECT organization_id, location_id, local_date, practitioner_id, dimension, dimension_id, local_hour,
               sum(booked), sum(completed), sum(cancelled), sum(late_cancelled), sum(no_shows), sum(online_booked), sum(booked_minutes)
          FROM changed
         GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING (sum(booked), sum(completed), sum(cancelled), sum(late_cancelled), sum(no_shows), sum(online_booked), sum(booked_minutes))
               <> (0, 0, 0, 0, 0, 0, 0)
         ORDER BY 1, 5, 3, 2, 4, 6, 7
        ON CONFLICT (organization_id, dimension, local_date, location_id, practitioner_id, dimension_id, local_hour)
        DO UPDATE SET booked = t.booked + excluded.booked, completed = t.completed + excluded.completed, cancelled = t.cancelled + excluded.cancelled,
                      late_cancelled = t.late_cancelled + excluded.late_cancelled, no_shows = t.no_shows + excluded.no_shows,
                      online_booked = t.online_booked + excluded.online_booked, booked_minutes = t.booked_minutes + excluded.booked_minutes
      $$`);
    // Transition tables allow one event per trigger; each branch names only the tables its event has.
    await q.query(`
      CREATE FUNCTION keep_appointment_day_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM add_appointment_day_counts((SELECT array_agg(n::appointments) FROM new_appointments n), '{}'::appointments[]);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM add_appointment_day_counts('{}'::appointments[], (SELECT array_agg(o::appointments) FROM old_appointments o));
        ELSE
          -- Only versions that changed what is counted (a note or a reminder stamp moves nothing).
          PERFORM add_appointment_day_counts(
            (SELECT array_agg(n::appointments) FROM new_appointments n JOIN old_appointments o ON o.id = n.id
              WHERE (n.status, n.starts_at, n.ends_at, n.location_id, n.practitioner_id, n.service_id, n.room_id, n.late_cancellation, n.source)
                    IS DISTINCT FROM (o.status, o.starts_at, o.ends_at, o.location_id, o.practitioner_id, o.service_id, o.room_id, o.late_cancellation, o.source)),
            (SELECT array_agg(o::appointments) FROM new_appointments n JOIN old_appointments o ON o.id = n.id
              WHERE (n.status, n.starts_at, n.ends_at, n.location_id, n.practitioner_id, n.service_id, n.room_id, n.late_cancellation, n.source)
                    IS DISTINCT FROM (o.status, o.starts_at, o.ends_at, o.location_id, o.practitioner_id, o.service_id, o.room_id, o.late_cancellation, o.source)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER appointment_day_counts_insert AFTER INSERT ON appointments
      REFERENCING NEW TABLE AS new_appointments FOR EACH STATEMENT EXECUTE FUNCTION keep_appointment_day_counts()`);
    await q.query(`
      CREATE TRIGGER appointment_day_counts_update AFTER UPDATE ON appointments
      REFERENCING OLD TABLE AS old_appointments NEW TABLE AS new_appointments FOR EACH STATEMENT EXECUTE FUNCTION keep_appointment_day_counts()`);
    await q.query(`
      CREATE TRIGGER appointment_day_counts_delete AFTER DELETE ON appointments
      REFERENCING OLD TABLE AS old_appointments FOR EACH STATEMENT EXECUTE FUNCTION keep_appointment_day_counts()`);
    await q.query(`
      CREATE TRIGGER appointment_day_counts_derived BEFORE INSERT OR UPDATE OR DELETE ON appointment_day_counts
      FOR EACH ROW EXECUTE FUNCTION refuse_direct_report_summary_change()`);

    // Recounts every clinic from its appointments (this migration; bulk loads that ran without triggers).
    await q.query(`
      CREATE FUNCTION recount_appointment_day_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ALTER TABLE appointment_day_counts DISABLE TRIGGER appointment_day_counts_derived;
        DELETE FROM appointment_day_counts;
        INSERT INTO appointment_day_counts (organization_id, location_id, local_date, practitioner_id, dimension, dimension_id, local_hour,
                                            booked, completed, cancelled, late_cancelled, no_shows, online_booked, booked_minutes)
        SELECT r.organization_id, r.location_id, r.local_date, r.practitioner_id, r.dimension, r.dimension_id, r.local_hour,
               sum(r.booked), sum(r.completed), sum(r.cancelled), sum(r.late_cancelled), sum(r.no_shows), sum(r.online_booked), sum(r.booked_minutes)
          FROM appointments a JOIN location_directory l ON l.organization_id = a.organization_id AND l.id = a.location_id
         CROSS JOIN LATERAL appointment_day_count_rows(a, l.timezone, 1) r
         GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING (sum(r.booked), sum(r.booked_minutes)) <> (0, 0);
        ALTER TABLE appointment_day_counts ENABLE TRIGGER appointment_day_counts_derived;
      END $$`);
    // A location's time zone moves every local date and hour it counted: its rows are counted again in the new zone, in
    // the transaction that changes it (the zone as written; the old rows were laid out in the old one).
    await q.query(`
      CREATE FUNCTION recount_location_appointment_day_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM appointment_day_counts WHERE organization_id = NEW.organization_id AND location_id = NEW.id;
        INSERT INTO appointment_day_counts (organization_id, location_id, local_date, practitioner_id, dimension, dimension_id, local_hour,
                                            booked, completed, cancelled, late_cancelled, no_shows, online_booked, booked_minutes)
        SELECT r.organization_id, r.location_id, r.local_date, r.practitioner_id, r.dimension, r.dimension_id, r.local_hour,
               sum(r.booked), sum(r.completed), sum(r.cancelled), sum(r.late_cancelled), sum(r.no_shows), sum(r.online_booked), sum(r.booked_minutes)
          FROM appointments a
         CROSS JOIN LATERAL appointment_day_count_rows(a, NEW.timezone, 1) r
         WHERE a.organization_id = NEW.organization_id AND a.location_id = NEW.id
         GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING (sum(r.booked), sum(r.booked_minutes)) <> (0, 0)
         ORDER BY 1, 5, 3, 2, 4, 6, 7;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER appointment_day_counts_location_zone AFTER UPDATE OF timezone ON locations
      FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION recount_location_appointment_day_counts()`);
    await q.query(`SELECT recount_appointment_day_counts()`);
    await q.query(`ANALYZE appointment_day_counts`);

    // What the reports module reads: the counts with the service's and room's names.
    await q.query(`
      CREATE VIEW appointment_day_facts WITH (security_invoker = true) AS
        SELECT c.organization_id, c.location_id, c.local_date, c.practitioner_id, c.dimension, c.dimension_id, c.local_hour,
               COALESCE(s.name, r.name) AS dimension_name, c.booked, c.completed, c.cancelled, c.late_cancelled, c.no_shows,
               c.online_booked, c.booked_minutes
          FROM appointment_day_counts c
          LEFT JOIN services s ON c.dimension = 'service' AND s.organization_id = c.organization_id AND s.id = c.dimension_id
          LEFT JOIN rooms r ON c.dimension = 'room' AND r.organization_id = c.organization_id AND r.id = c.dimension_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW appointment_day_facts`);
    await q.query(`DROP FUNCTION recount_appointment_day_counts()`);
    await q.query(`DROP TRIGGER appointment_day_counts_location_zone ON locations`);
    await q.query(`DROP FUNCTION recount_location_appointment_day_counts()`);
    await q.query(`DROP TRIGGER appointment_day_counts_delete ON appointments`);
    await q.query(`DROP TRIGGER appointment_day_counts_update ON appointments`);
    await q.query(`DROP TRIGGER appointment_day_counts_insert ON appointments`);
    await q.query(`DROP FUNCTION keep_appointment_day_counts()`);
    await q.query(`DROP FUNCTION add_appointment_day_counts(appointments[], appointments[])`);
    await q.query(`DROP TABLE appointment_day_counts`);
    await q.query(`DROP FUNCTION appointment_day_count_rows(appointments, text, integer)`);
    await q.query(`DROP FUNCTION refuse_direct_report_summary_change()`);
  }
}
