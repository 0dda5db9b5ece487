import type { DataSource, EntityManager } from 'typeorm';

export interface ClaimedMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string | null;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims a due pending row for this worker in one UPDATE … WHERE status = 'pending' RETURNING: of any number of
 * workers trying the same row, exactly one gets it (the others wait on its row lock, then see it is no longer pending).
 */
export async function claimMessage(manager: EntityManager, messageId: string, workerId: string): Promise<ClaimedMessage | undefined> {
  const [claimed]: [ClaimedMessage[]] = await manager.query(
    `UPDATE outbound_messages SET status = 'sending', claimed_by = $2, claimed_at = now(), attempts = attempts + 1, updated_at = now()
     WHERE id = $1 AND status = 'pending' AND send_after <= now()
     RETURNING id, channel, recipient, subject, body, attempts`,
    [messageId, workerId],
  );
  return claimed[0];
}

/** Not accepted by the transport: back to pending for another attempt, with the transport's words. */
export async function returnToPending(manager: EntityManager, messageId: string, error: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'pending', error = $2, updated_at = now() WHERE id = $1`, [messageId, error.slice(0, 2000)]);
}

export async function markSent(manager: EntityManager, messageId: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = 'sent', sent_at = now(), error = NULL, updated_at = now() WHERE id = $1`, [messageId]);
}

/** The end of a message that was not sent: left for a person (outbox_only) or given up (failed). */
export async function markUnsent(manager: EntityManager, messageId: string, status: 'outbox_only' | 'failed', error: string): Promise<void> {
  await manager.query(`UPDATE outbound_messages SET status = $2, error = $3, updated_at = now() WHERE id = $1`, [messageId, status, error.slice(0, 2000)]);
}

/** Every organization's due rows, ids and organizations only (SECURITY DEFINER: the worker has no tenant yet). */
export async function dueMessages(dataSource: DataSource, limit: number): Promise<{ id: string; organization_id: string }[]> {
  return dataSource.query(`SELECT * FROM outbox_due_messages($1)`, [limit]);
}

/** The organization of a row a job names (SECURITY DEFINER), or undefined for an unknown row. */
export async function messageOrganization(dataSource: DataSource, messageId: string): Promise<string | undefined> {
  const [row]: { organization_id: string | null }[] = await dataSource.query(`SELECT outbox_message_organization($1) AS organization_id`, [messageId]);
  return row?.organization_id ?? undefined;
}
