import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Sign-in hardening (issue 11): password re-confirmations get their own failure counter, and TOTP MFA with
 * single-use recovery codes and a short-lived pending step between the password and the code.
 */
export class AddMfaAndSeparateThrottles1796228650801 implements MigrationInterface {
  name = 'AddMfaAndSeparateThrottles1796228650801';

  async up(q: QueryRunner): Promise<void> {
    // Existing rows were all sign-in attempts or re-confirmations counted as such; they age out within a day.
    await q.query(`
      ALTER TABLE login_failures
        ADD COLUMN kind text NOT NULL DEFAULT 'sign_in' CHECK (kind IN ('sign_in', 'password_confirmation'))`);
    await q.query(`CREATE INDEX login_failures_kind_email_idx ON login_failures (kind, email, failed_at)`);

    // One TOTP authenticator per staff member; the secret is AES-256-GCM ciphertext (the key is not in the database).
    await q.query(`
      CREATE TABLE staff_totp_authenticators (
        organization_id uuid NOT NULL,
        staff_member_id uuid PRIMARY KEY,
        secret_ciphertext text NOT NULL,
        activated_at timestamptz,
        -- The 30-second step of the last code accepted: a code of that step or earlier is a replay.
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE staff_mfa_recovery_codes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL,
        staff_member_id uuid NOT NULL,
        code_hash bytea NOT NULL UNIQUE,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members(organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX staff_mfa_recovery_codes_staff_idx ON staff_mfa_recovery_codes (staff_member_id)`);
    for (const table of ['staff_totp_authenticators', 'staff_mfa_recovery_codes']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (${TENANT}) WITH CHECK (${TENANT})`);
    }

    // Between a right password and the code: looked up by the cookie's token before the organization is known
    // (like login_failures), so it carries no organization_id. Only the token's SHA-256 is stored.
    await q.query(`
      CREATE TABLE mfa_pending_logins (
        token_hash bytea PRIMARY KEY,
        staff_member_id uuid NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
        -- The second step scopes itself to the account's organization through auth_login_candidate(email).
        email text NOT NULL,
        ip text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mfa_pending_logins_expiry_idx ON mfa_pending_logins (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_pending_logins`);
    await q.query(`DROP TABLE staff_mfa_recovery_codes`);
    await q.query(`DROP TABLE staff_totp_authenticators`);
    await q.query(`DROP INDEX login_failures_kind_email_idx`);
    await q.query(`ALTER TABLE login_failures DROP COLUMN kind`);
  }
}
