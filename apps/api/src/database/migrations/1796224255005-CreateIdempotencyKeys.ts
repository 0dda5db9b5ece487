import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key (IETF httpapi draft): one row per key a staff member sent on a creating POST, kept 24 h. The
 * state says how far the first request got: 'processing' (claimed, nothing committed yet), 'committed' (the
 * record's own transaction committed, response not stored yet), 'completed' (status and body stored for replay).
 * claim_token fences a claim: only the request holding it may mark, complete or release the row, so a stale
 * claim taken over by a retry can never be committed by the request that first held it.
 * Not append-only: the app updates the state and deletes expired or failed claims.
 */
export class CreateIdempotencyKeys1796224255005 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1796224255005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        staff_member_id uuid NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        claim_token uuid NOT NULL,
        state text NOT NULL DEFAULT 'processing' CHECK (state IN ('processing', 'committed', 'completed')),
        response_status integer,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, staff_member_id, idempotency_key),
        CHECK ((state = 'completed') = (response_status IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry ON idempotency_keys (organization_id, expires_at)`);
    await q.query(`ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON idempotency_keys
        USING (organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid)
        WITH CHECK (organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
