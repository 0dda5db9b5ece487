import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { JOB_QUEUE_SCHEMA, OUTBOUND_MESSAGE_QUEUE } from '../database/migrations/1796000000001-CreateJobQueue';
import { MessageSender } from './message-sender';
import type { MessageTransports } from './transports';
import { poolExecutor } from './job-queue.queries';

/**
 * A pg-boss worker delivering outbox rows when their jobs fall due (the jobs are written in the same transaction as
 * the rows). pg-boss runs on the app's own connection pool with migrate off: its schema comes from a migration.
 * On start and every minute it also sweeps due rows whose job was lost, which the claim makes harmless.
 */
export class MessageWorker {
  private readonly logger = new Logger('MessageWorker');
  private boss?: PgBoss;
  private sweep?: NodeJS.Timeout;
  readonly sender: MessageSender;

  constructor(
    private readonly dataSource: DataSource,
    transports: MessageTransports,
    readonly workerId = `worker-${randomUUID()}`,
    private readonly pollingIntervalSeconds = 2,
  ) {
    this.sender = new MessageSender(dataSource, transports, workerId);
  }

  async start(): Promise<void> {
    const boss = new PgBoss({ db: poolExecutor(this.dataSource), schema: JOB_QUEUE_SCHEMA, migrate: false, schedule: false, supervise: true });
    boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
    await boss.start();
    await boss.work<{ messageId: string }>(OUTBOUND_MESSAGE_QUEUE, { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) {
        const result = await this.sender.deliver(job.data.messageId);
        if (result === 'retry') throw new Error(`Message ${job.data.messageId} was not accepted; retrying`);
      }
    });
    this.boss = boss;
    await this.sweepDue();
    this.sweep = setInterval(() => void this.sweepDue(), 60_000);
    this.sweep.unref();
  }

  async stop(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await this.boss?.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
    this.boss = undefined;
  }

  private async sweepDue(): Promise<void> {
    try {
      await this.sender.deliverDue();
    } catch (error) {
      this.logger.error({ err: error }, 'Outbox sweep failed');
    }
  }
}
