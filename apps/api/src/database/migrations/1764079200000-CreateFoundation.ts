import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, locations, staff with credentials, login sessions and the append-only audit trail.
 * Integrity that must hold whatever the application does lives here: role and time-zone checks,
 * one account per email, and a trigger that refuses any change to recorded audit events.
 */
export class CreateFoundation1764079200000 implements MigrationInterface {
  name = 'CreateFoundation1764079200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        address text NOT NULL DEFAULT '',
        phone text NOT NULL DEFAULT '',
        timezone text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A time zone PostgreSQL does not know would make every local-time computation wrong.
        CONSTRAINT locations_timezone_known CHECK (now() AT TIME ZONE timezone IS NOT NULL),
        CONSTRAINT locations_name_unique UNIQUE (organization_id, name),
        UNIQUE (organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE staff_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('owner','admin','physician','nurse','aesthetician','front_desk')),
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        default_location_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Logging in is by email alone, so an email names one account across all organizations.
        CONSTRAINT staff_members_email_unique UNIQUE (email),
        CONSTRAINT staff_members_active_consistent CHECK (is_active = (deactivated_at IS NULL)),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, default_location_id) REFERENCES locations(organization_id, id)
      )`);

    await q.query(`
      CREATE TABLE practitioner_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        licence_type text NOT NULL CHECK (licence_type IN
          ('physician','physician_assistant','nurse_practitioner','registered_nurse','licensed_aesthetician','other')),
        licence_number text NOT NULL CHECK (length(trim(licence_number)) BETWEEN 1 AND 100),
        jurisdiction text NOT NULL CHECK (length(trim(jurisdiction)) BETWEEN 1 AND 100),
        expires_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id) ON DELETE CASCADE,
        CONSTRAINT practitioner_credentials_unique UNIQUE (staff_member_id, licence_type, jurisdiction, licence_number)
      )`);
    await q.query(`CREATE INDEX practitioner_credentials_staff_idx ON practitioner_credentials (staff_member_id)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id)
      )`);
    await q.query(`CREATE INDEX auth_sessions_staff_idx ON auth_sessions (staff_member_id) WHERE revoked_at IS NULL`);

    // Failed sign-ins, for rate limiting per account and per IP. Not a clinic's data: it exists before
    // anyone is known to belong to an organization.
    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at)`);
    await q.query(`CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        actor_id uuid REFERENCES staff_members(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ip text,
        request_id text,
        changes jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_org_time_idx ON audit_events (organization_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (organization_id, actor_id)`);

    // Shared guard for append-only and signed records: any UPDATE, DELETE or TRUNCATE is refused.
    await q.query(`
      CREATE FUNCTION refuse_change_to_immutable_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'integrity_constraint_violation', HINT = 'Record a new event instead of changing history.';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_immutable_row()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION refuse_change_to_immutable_row`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE practitioner_credentials`);
    await q.query(`DROP TABLE staff_members`);
    await q.query(`DROP TABLE locations`);
    await q.query(`DROP TABLE organizations`);
  }
}
