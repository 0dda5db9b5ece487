import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling (issue 6): services, rooms, practitioners' working hours and exceptions, appointments, treatment
 * courses, the outbox of reminders and notices, and practitioners' calendar feeds.
 *
 * - Double booking is impossible in the database: two exclusion constraints (btree_gist) over
 *   tstzrange(starts_at, occupied_until) per practitioner and per room, for every appointment that is not cancelled
 *   or a no-show. occupied_until = ends_at + the service's buffer at booking time: the clean-up after a treatment
 *   blocks the practitioner and the room as much as the treatment itself.
 * - An appointment's room must be at the appointment's location: composite foreign key (organization_id,
 *   location_id, room_id) -> rooms.
 * - outbound_messages is the outbox: one row per (appointment, kind, channel, appointment start), so a reminder for
 *   a given start exists once however often it is scheduled, and a sender claims a row before sending it.
 */
export class CreateScheduling1796000000000 implements MigrationInterface {
  name = 'CreateScheduling1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        duration_min smallint NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
        buffer_min smallint NOT NULL DEFAULT 0 CHECK (buffer_min BETWEEN 0 AND 240),
        procedure_kind text NOT NULL CHECK (procedure_kind IN ('consultation', 'cosmetic_needling', 'medical_needling', 'follow_up')),
        consent_kinds text[] NOT NULL DEFAULT '{}',
        min_days_since_previous_medical smallint NOT NULL DEFAULT 28 CHECK (min_days_since_previous_medical BETWEEN 0 AND 365),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX services_name_unique ON services (organization_id, lower(name))`);

    await q.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        location_id uuid NOT NULL,
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        UNIQUE (organization_id, location_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX rooms_name_unique ON rooms (organization_id, location_id, lower(name))`);

    // The weekly pattern, in the location's wall-clock minutes; one practitioner's blocks on a weekday never overlap.
    await q.query(`
      CREATE TABLE working_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        location_id uuid NOT NULL,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
        CONSTRAINT working_hours_order CHECK (start_minute < end_minute),
        CONSTRAINT working_hours_no_overlap EXCLUDE USING gist
          (organization_id WITH =, staff_member_id WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE working_hours_exceptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('time_off', 'extra_hours')),
        location_id uuid,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT working_hours_exceptions_order CHECK (starts_at < ends_at),
        CONSTRAINT working_hours_exceptions_span CHECK (ends_at - starts_at <= interval '366 days'),
        CONSTRAINT working_hours_exceptions_extra_has_location CHECK (kind = 'time_off' OR location_id IS NOT NULL),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX working_hours_exceptions_staff_idx ON working_hours_exceptions (organization_id, staff_member_id, starts_at)`);

    await q.query(`
      CREATE TABLE treatment_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        service_id uuid NOT NULL,
        location_id uuid NOT NULL,
        practitioner_id uuid,
        sessions smallint NOT NULL CHECK (sessions BETWEEN 1 AND 12),
        interval_weeks smallint NOT NULL CHECK (interval_weeks BETWEEN 1 AND 52),
        start_on date NOT NULL,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'booked')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        booked_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, service_id) REFERENCES services(organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX treatment_plans_patient_idx ON treatment_plans (organization_id, patient_id, created_at)`);

    await q.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        location_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        service_id uuid NOT NULL,
        practitioner_id uuid NOT NULL,
        room_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        occupied_until timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'booked'
          CHECK (status IN ('booked', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show')),
        cancel_reason text CHECK (length(cancel_reason) <= 1000),
        status_changed_at timestamptz,
        treatment_plan_id uuid,
        plan_session_number smallint,
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointments_order CHECK (starts_at < ends_at AND ends_at <= occupied_until),
        CONSTRAINT appointments_cancel_reason CHECK (status <> 'cancelled' OR length(trim(cancel_reason)) > 0),
        CONSTRAINT appointments_practitioner_no_overlap EXCLUDE USING gist
          (organization_id WITH =, practitioner_id WITH =, tstzrange(starts_at, occupied_until) WITH &&)
          WHERE (status NOT IN ('cancelled', 'no_show')),
        CONSTRAINT appointments_room_no_overlap EXCLUDE USING gist
          (organization_id WITH =, room_id WITH =, tstzrange(starts_at, occupied_until) WITH &&)
          WHERE (status NOT IN ('cancelled', 'no_show')),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id),
        FOREIGN KEY (organization_id, patient_id) REFERENCES patients(organization_id, id),
        FOREIGN KEY (organization_id, service_id) REFERENCES services(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, location_id, room_id) REFERENCES rooms(organization_id, location_id, id),
        FOREIGN KEY (organization_id, treatment_plan_id) REFERENCES treatment_plans(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX appointments_location_time_idx ON appointments (organization_id, location_id, starts_at)`);
    await q.query(`CREATE INDEX appointments_patient_idx ON appointments (organization_id, patient_id, starts_at)`);

    await q.query(`
      CREATE TABLE treatment_plan_sessions (
        organization_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        session_number smallint NOT NULL CHECK (session_number >= 1),
        target_on date NOT NULL,
        proposed_starts_at timestamptz,
        practitioner_id uuid,
        room_id uuid,
        appointment_id uuid UNIQUE,
        PRIMARY KEY (plan_id, session_number),
        FOREIGN KEY (organization_id, plan_id) REFERENCES treatment_plans(organization_id, id),
        FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, room_id) REFERENCES rooms(organization_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE outbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        appointment_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reminder', 'cancellation', 'reschedule')),
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient text CHECK (length(recipient) <= 320),
        subject text NOT NULL CHECK (length(subject) <= 300),
        body text NOT NULL CHECK (length(body) <= 5000),
        appointment_starts_at timestamptz NOT NULL,
        send_after timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'obsolete', 'outbox_only')),
        attempts smallint NOT NULL DEFAULT 0,
        claimed_by text,
        claimed_at timestamptz,
        sent_at timestamptz,
        error text CHECK (length(error) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbound_messages_once UNIQUE (appointment_id, kind, channel, appointment_starts_at),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)
      )`);
    await q.query(`CREATE INDEX outbound_messages_due_idx ON outbound_messages (send_after) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbound_messages_org_idx ON outbound_messages (organization_id, created_at DESC)`);

    // A practitioner's phone-calendar feed: the URL's secret token is stored only as its SHA-256; one live feed each.
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id),
        FOREIGN KEY (organization_id, created_by) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (staff_member_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'outbound_messages',
      'treatment_plan_sessions',
      'appointments',
      'treatment_plans',
      'working_hours_exceptions',
      'working_hours',
      'rooms',
      'services',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
