import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Issue 16, holds and confirmation. A held slot is an appointments row (status 'held', no patient yet, source
 * 'online', hold_expires_at), so the exclusion constraints that refuse double bookings cover holds with no new
 * machinery: a held slot cannot be booked by staff or another patient. An expired hold still satisfies the
 * constraints' predicate, so every booking write first releases (cancels) the expired holds it overlaps, in its own
 * transaction; readers of free time treat a hold past its expiry as free. Confirming turns the row into the
 * appointment (patient set, status 'booked'). A row without a patient is always a hold, live or released.
 *
 * online-booking owns what the hold carries besides the slot (the person's details, the hashed code, wrong tries)
 * and the manage tokens (hashed). patients flags self-registered records. treatments' medical_session_history gains
 * the session's status: only a signed session counts for the "existing patients" rule.
 */
export class AddOnlineBookingHolds1796569740000 implements MigrationInterface {
  name = 'AddOnlineBookingHolds1796569740000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appointments
        DROP CONSTRAINT appointments_status_check,
        ALTER COLUMN patient_id DROP NOT NULL,
        ADD COLUMN source text NOT NULL DEFAULT 'staff' CONSTRAINT appointments_source_check CHECK (source IN ('staff', 'online')),
        ADD COLUMN hold_expires_at timestamptz,
        ADD CONSTRAINT appointments_status_check
          CHECK (status IN ('held', 'booked', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show')),
        ADD CONSTRAINT appointments_hold CHECK ((status = 'held') <= (hold_expires_at IS NOT NULL AND patient_id IS NULL AND source = 'online')),
        ADD CONSTRAINT appointments_patient_unless_hold CHECK (patient_id IS NOT NULL OR (source = 'online' AND status IN ('held', 'cancelled')))`);

    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_kind_check
        CHECK (kind IN ('booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer', 'booking_code'))`);

    await q.query(`ALTER TABLE patients ADD COLUMN self_registered boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE online_booking_holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        appointment_id uuid NOT NULL,
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        date_of_birth date NOT NULL,
        email text NOT NULL CHECK (length(email) <= 320),
        phone text NOT NULL CHECK (length(phone) <= 32),
        code_hash bytea NOT NULL,
        wrong_codes smallint NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_because text CHECK (ended_because IN ('confirmed', 'wrong_codes', 'refused')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT online_booking_holds_ended CHECK ((ended_at IS NULL) = (ended_because IS NULL)),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)
      )`);
    await q.query(`CREATE INDEX online_booking_holds_email_idx ON online_booking_holds (organization_id, lower(email), created_at)`);
    await q.query(`
      CREATE TABLE online_booking_manage_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        appointment_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)
      )`);
    for (const table of ['online_booking_holds', 'online_booking_manage_tokens']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})`);
    }

    await q.query(`
      CREATE OR REPLACE VIEW medical_session_history WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id, appointment_id, performed_on, status
          FROM treatment_sessions WHERE procedure_kind = 'medical'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW medical_session_history`);
    await q.query(`
      CREATE VIEW medical_session_history WITH (security_invoker = true) AS
        SELECT id, organization_id, patient_id, appointment_id, performed_on
          FROM treatment_sessions WHERE procedure_kind = 'medical'`);
    await q.query(`DROP TABLE online_booking_manage_tokens`);
    await q.query(`DROP TABLE online_booking_holds`);
    await q.query(`ALTER TABLE patients DROP COLUMN self_registered`);
    await q.query(`DELETE FROM outbound_messages WHERE kind = 'booking_code'`);
    await q.query(`ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_kind_check`);
    await q.query(`
      ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_kind_check
        CHECK (kind IN ('booked', 'reminder', 'cancellation', 'reschedule', 'confirmation', 'no_show', 'waitlist_offer'))`);
    await q.query(`DELETE FROM appointments WHERE patient_id IS NULL`);
    await q.query(`
      ALTER TABLE appointments
        DROP CONSTRAINT appointments_patient_unless_hold,
        DROP CONSTRAINT appointments_hold,
        DROP CONSTRAINT appointments_status_check,
        DROP COLUMN hold_expires_at,
        DROP COLUMN source,
        ALTER COLUMN patient_id SET NOT NULL,
        ADD CONSTRAINT appointments_status_check
          CHECK (status IN ('booked', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show'))`);
  }
}
