import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor, RequestOrigin } from '../common/access/actor';
import type { AuditChanges } from './audit-event.entity';
import { eventMac } from './audit-chain';
import { appendChained, lockChainHead, type ChainedRow } from './audit-chain.queries';
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

/**
 * Writes audit events through the caller's transaction manager, so an event exists exactly when the
 * change it describes was committed. Each event is appended to its organization's HMAC chain: the chain head stays
 * locked until the caller's transaction ends (for a request: its commit), so record as late as the flow allows. The
 * lock relies on READ COMMITTED (the default): a REPEATABLE READ transaction would fail on a head moved meanwhile.
 */
@Injectable()
export class AuditService {
  constructor(private readonly keys: AuditKeyProvider) {}

  async record(manager: EntityManager, source: AuditSource, entry: AuditEntry): Promise<void> {
    await this.recordMany(manager, source, [entry]);
  }

  /**
   * A read of a patient's clinical record (HIPAA: who saw what, when), with the patient as the entity so the
   * patient's access log finds it. `changes` says what was read (ids, counts), never the content.
   */
  async recordPatientRead(manager: EntityManager, actor: Actor, patientId: string, action: AuditAction, changes?: AuditChanges): Promise<void> {
    await this.record(manager, actor, { action, entityType: 'patient', entityId: patientId, changes: changes ?? null });
  }

  /** Many events in a few multi-row inserts (bulk operations such as an import), in the caller's transaction. */
  async recordMany(manager: EntityManager, source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Date objects and undefined fields become what JSON (and so jsonb) makes of them.
    const head = await lockChainHead(
      manager,
      source.organizationId,
      entries.map((e) => e.changes ?? null),
    );
    let seq = head.lastSeq;
    let previousMac = head.lastMac;
    const rows: ChainedRow[] = entries.map((entry, i) => {
      seq += 1;
      const content = {
        organizationId: source.organizationId,
        seq: String(seq),
        occurredAt: head.occurredAt,
        actorId: source.staffMemberId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        ip: source.ip ?? null,
        requestId: source.requestId ?? null,
        changes: head.changes[i] ?? null,
      };
      previousMac = eventMac(this.keys.key, previousMac, content);
      return { ...content, seq, mac: previousMac };
    });
    for (let start = 0; start < rows.length; start += CHUNK) {
      await appendChained(manager, source.organizationId, head.occurredAt, rows.slice(start, start + CHUNK));
    }
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
