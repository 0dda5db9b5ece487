import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor, RequestOrigin } from '../common/access/actor';
import type { AuditChanges } from './audit-event.entity';
import { eventMac } from './audit-chain';
import { appendAtExpectedHead, appendChained, lockChainHead, type ChainedRow, type ExpectedHead } from './audit-chain.queries';
import { jsonbText } from './audit-jsonb-text';
import { AuditKeyProvider } from './audit-key.provider';

export type { AuditChanges };

export interface AuditEntry {
  /** One of the catalog's actions (libs/domain audit): each has its sentence in the audit log. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  changes?: AuditChanges | null;
}

/** Who an event is attributed to: a signed-in actor, or an origin plus the account it concerns. */
export type AuditSource = Actor | (RequestOrigin & { organizationId: string; staffMemberId: string | null });

/** Rows per INSERT for bulk events (11 parameters' worth of arrays, far below PostgreSQL's limits). */
const CHUNK = 1000;
/** Organizations whose head a process remembers (the least recently written are forgotten first). */
const REMEMBERED_HEADS = 10_000;

/**
 * Writes audit events through the caller's transaction manager, so an event exists exactly when the
 * change it describes was committed. Each event is appended to its organization's HMAC chain: the chain head stays
 * locked from the append until the caller's transaction ends (for a request: its commit), so record as late as the
 * flow allows. The lock relies on READ COMMITTED (the default): a REPEATABLE READ transaction would fail on a head
 * moved meanwhile.
 */
@Injectable()
export class AuditService {
  /**
   * Each organization's head as this process's last append left it (committed or not): a hint only, which
   * PostgreSQL checks on every append, so a wrong one costs the slow path and nothing else.
   */
  private readonly heads = new Map<string, ExpectedHead>();

  constructor(private readonly keys: AuditKeyProvider) {}

  /** Records one event; answers the instant it was recorded at (ISO text), for a caller that hands the event out. */
  async record(manager: EntityManager, source: AuditSource, entry: AuditEntry): Promise<string> {
    return (await this.recordMany(manager, source, [entry])) as string;
  }

  /**
   * A read of a patient's clinical record (HIPAA: who saw what, when), with the patient as the entity so the
   * patient's access log finds it. `changes` says what was read (ids, counts), never the content.
   */
  async recordPatientRead(manager: EntityManager, actor: Actor, patientId: string, action: AuditAction, changes?: AuditChanges): Promise<void> {
    await this.record(manager, actor, { action, entityType: 'patient', entityId: patientId, changes: changes ?? null });
  }

  /**
   * Many events in a few multi-row inserts (bulk operations such as an import), in the caller's transaction.
   *
   * Usually ONE statement: the service remembers each organization's head as its own last append left it, computes
   * the MACs from it and appends at that head (appendAtExpectedHead), which PostgreSQL checks under the head's row
   * lock. When the head is not the remembered one (first write since start, another API process, a rolled-back
   * request, a concurrent request that took the place) it locks the head, reads it and appends (two statements).
   */
  async recordMany(manager: EntityManager, source: AuditSource, entries: readonly AuditEntry[]): Promise<string | undefined> {
    if (entries.length === 0) return undefined;
    const appended = entries.length <= CHUNK ? await this.appendAtRememberedHead(manager, source, entries) : null;
    if (appended) return appended;
    // Date objects and undefined fields become what JSON (and so jsonb) makes of them.
    const head = await lockChainHead(
      manager,
      source.organizationId,
      entries.map((e) => e.changes ?? null),
    );
    const rows = this.chain(source, head, head.occurredAt, head.changes, entries);
    for (let start = 0; start < rows.length; start += CHUNK) {
      await appendChained(manager, source.organizationId, head.occurredAt, rows.slice(start, start + CHUNK));
    }
    this.remember(source.organizationId, rows);
    return head.occurredAt;
  }

  /**
   * The one-statement append at the head this process last left. The head is taken for the new events before the
   * statement is sent, so a concurrent request of the same organization chains after them (its UPDATE waits for this
   * request's commit); if this request rolls back, that one's check fails and it takes the slow path.
   */
  private async appendAtRememberedHead(manager: EntityManager, source: AuditSource, entries: readonly AuditEntry[]): Promise<string | null> {
    const head = this.heads.get(source.organizationId);
    if (!head) return null;
    const changes: (string | null)[] = [];
    for (const entry of entries) {
      const text = jsonbText(entry.changes);
      if (text === undefined) return null;
      changes.push(text);
    }
    const occurredAt = `${new Date().toISOString().slice(0, -1)}000Z`;
    const rows = this.chain(source, head, occurredAt, changes, entries);
    this.remember(source.organizationId, rows);
    return (await appendAtExpectedHead(manager, source.organizationId, head, occurredAt, rows)) ? occurredAt : null;
  }

  private chain(source: AuditSource, head: ExpectedHead, occurredAt: string, changes: readonly (string | null)[], entries: readonly AuditEntry[]): ChainedRow[] {
    let seq = head.lastSeq;
    let previousMac = head.lastMac;
    return entries.map((entry, i) => {
      seq += 1;
      const content = {
        organizationId: source.organizationId,
        seq: String(seq),
        occurredAt,
        actorId: source.staffMemberId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        ip: source.ip ?? null,
        requestId: source.requestId ?? null,
        changes: changes[i] ?? null,
      };
      previousMac = eventMac(this.keys.key, previousMac, content);
      return { ...content, seq, mac: previousMac };
    });
  }

  private remember(organizationId: string, rows: readonly ChainedRow[]): void {
    const last = rows[rows.length - 1];
    // Re-inserted so the map's order is least recently used first.
    this.heads.delete(organizationId);
    this.heads.set(organizationId, { lastSeq: last.seq, lastMac: last.mac });
    if (this.heads.size > REMEMBERED_HEADS) this.heads.delete(this.heads.keys().next().value as string);
  }
}

/** The fields that differ between before and after, for an update's audit event. Secrets never appear. */
export function diffFields<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T)[]): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    if (after[field] === undefined) continue;
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[String(field)] = { from, to };
  }
  return changes;
}

/** A created record's fields, for a create's audit event. */
export function createdFields<T extends object>(record: T, fields: readonly (keyof T)[]): AuditChanges {
  return Object.fromEntries(fields.map((f) => [String(f), { to: record[f] }]));
}
