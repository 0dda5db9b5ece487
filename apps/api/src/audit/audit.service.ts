import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, RequestOrigin } from '../auth/actor';
import { AuditEvent, type AuditChanges } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: AuditChanges | null;
}

/** Who an event is attributed to: a signed-in actor, or an origin plus the account it concerns. */
export type AuditSource = Actor | (RequestOrigin & { organizationId: string; staffMemberId: string | null });

/**
 * Writes audit events through the caller's transaction manager, so an event exists exactly when the
 * change it describes was committed.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, source: AuditSource, entry: AuditEntry): Promise<void> {
    await manager.save(toEvent(manager, source, entry), { reload: false });
  }

  /** Many events in a few multi-row inserts (bulk operations such as an import), in the caller's transaction. */
  async recordMany(manager: EntityManager, source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
    const events = entries.map((entry) => toEvent(manager, source, entry));
    await manager.save(events, { reload: false, chunk: 1000 });
  }
}

function toEvent(manager: EntityManager, source: AuditSource, entry: AuditEntry): AuditEvent {
  return manager.create(AuditEvent, {
    organizationId: source.organizationId,
    actorId: source.staffMemberId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: source.ip,
    requestId: source.requestId,
    changes: entry.changes ?? null,
  });
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
