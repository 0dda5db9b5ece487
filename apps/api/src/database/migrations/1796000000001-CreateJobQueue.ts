import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pg-boss's schema (the durable job queue that times reminders), created here so the schema changes only through
 * migrations; the app starts pg-boss with `migrate: false`. The construction SQL comes from pg-boss itself
 * (PgBoss.getConstructionPlans) without its own BEGIN/COMMIT, since this migration already runs in a transaction.
 * A pg-boss upgrade that changes its schema needs a new migration with PgBoss.getMigrationPlans.
 */
export const JOB_QUEUE_SCHEMA = 'pgboss';
/** Jobs that deliver one outbox row each, at its send time. */
export const OUTBOUND_MESSAGE_QUEUE = 'outbound-message';

export class CreateJobQueue1796000000001 implements MigrationInterface {
  name = 'CreateJobQueue1796000000001';

  async up(q: QueryRunner): Promise<void> {
    const plans = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA).replace(/^\s*BEGIN;\s*$/m, '').replace(/^\s*COMMIT;\s*$/m, '');
    await q.query(plans);
    // The one queue (pg-boss 10 keeps each queue in its own partition, created here rather than at run time).
    await q.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue($1, $2::json)`, [
      OUTBOUND_MESSAGE_QUEUE,
      JSON.stringify({ policy: 'standard', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 300, retentionMinutes: 60 * 24 * 14 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${JOB_QUEUE_SCHEMA} CASCADE`);
  }
}
