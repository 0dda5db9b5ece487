import type { DataSource } from 'typeorm';
import type { MessageTransports } from './transports';

export type DeliveryResult = 'sent' | 'outbox_only' | 'not_claimed' | 'retry' | 'failed';
const MAX_ATTEMPTS = 3;

/**
 * Sends one outbox row at most once. The claim is one UPDATE … WHERE status = 'pending' RETURNING: of any number of
 * workers, jobs or restarts trying the same row, exactly one gets it (the others wait on its row lock, then see it is
 * no longer pending). A process that dies after claiming and before recording the result leaves the row in
 * 'sending' for a person to check: it is never sent again automatically, so a patient never gets it twice.
 */
export class MessageSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transports: MessageTransports,
    private readonly workerId: string,
  ) {}

  async deliver(messageId: string): Promise<DeliveryResult> {
    const [claimed]: [{ id: string; channel: 'email' | 'sms'; recipient: string | null; subject: string; body: string; attempts: number }[]] = await this.dataSource.query(
      `UPDATE outbound_messages SET status = 'sending', claimed_by = $2, claimed_at = now(), attempts = attempts + 1, updated_at = now()
       WHERE id = $1 AND status = 'pending' AND send_after <= now()
       RETURNING id, channel, recipient, subject, body, attempts`,
      [messageId, this.workerId],
    );
    const message = claimed[0];
    if (!message) return 'not_claimed';
    const transport = this.transports[message.channel];
    if (!transport || !message.recipient) {
      const why = !message.recipient ? `The patient has no ${message.channel === 'email' ? 'email address' : 'phone number'}` : `No ${message.channel === 'email' ? 'SMTP' : 'SMS'} transport is configured`;
      await this.finish(message.id, 'outbox_only', why);
      return 'outbox_only';
    }
    try {
      await transport.send({ to: message.recipient, subject: message.subject, body: message.body });
    } catch (error) {
      // Not accepted by the transport: safe to try again (it was not sent), a few times.
      const text = error instanceof Error ? error.message : String(error);
      if (message.attempts < MAX_ATTEMPTS) {
        await this.dataSource.query(`UPDATE outbound_messages SET status = 'pending', error = $2, updated_at = now() WHERE id = $1`, [message.id, text.slice(0, 2000)]);
        return 'retry';
      }
      await this.finish(message.id, 'failed', text);
      return 'failed';
    }
    await this.dataSource.query(`UPDATE outbound_messages SET status = 'sent', sent_at = now(), error = NULL, updated_at = now() WHERE id = $1`, [message.id]);
    return 'sent';
  }

  /** Every due pending row, e.g. after a restart or rows written while no worker ran. */
  async deliverDue(limit = 100): Promise<DeliveryResult[]> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM outbound_messages WHERE status = 'pending' AND send_after <= now() ORDER BY send_after, id LIMIT $1`,
      [limit],
    );
    const results: DeliveryResult[] = [];
    for (const { id } of due) results.push(await this.deliver(id));
    return results;
  }

  private async finish(id: string, status: 'outbox_only' | 'failed', error: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbound_messages SET status = $2, error = $3, updated_at = now() WHERE id = $1`, [id, status, error.slice(0, 2000)]);
  }
}
