import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor, RequestOrigin } from '../common/access/actor';
import type { AuditChanges } from './audit-event.entity';
import { AUDIT_LANES, eventMac } from './audit-chain';
import { appendAtExpectedHead, appendChained, lockChainHead, type ChainedRow, type ExpectedHead } from './audit-chain.queries';
import { sharedRequestRunner } from '../database/request-transaction';
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
/** Lane heads (organization and lane) a process remembers (the least recently written are forgotten first). */
const REMEMBERED_HEADS = 40_000;

/** A pg client as far as lanes need it: it says when its connection ends. */
interface LaneHolder {
  once(event: 'end', listener: () => void): unknown;
}

/**
 * Writes audit events through the caller's transaction manager, so an event exists exactly when the
 * change it describes was committed. Each event is appended to one lane of its organization's HMAC chain: the lane's
 * head stays locked from the append until the caller's transaction ends (for a request: its commit), so record as
 * late as the flow allows. The lane is the database connection's (laneOf), so concurrent transactions of this process
 * append to different heads and commit in parallel instead of one after another. The lock relies on READ COMMITTED
 * (the default): a REPEATABLE READ transaction would fail on a head moved meanwhile.
 */
@Injectable()
export class AuditService {
  /**
   * Each lane's head (key: organization and lane) as this process's last append left it (committed or not): a hint
   * only, which PostgreSQL checks on every append, so a wrong one costs the slow path and nothing else.
   */
  private readonly heads = new Map<string, ExpectedHead>();
  /** The lane of each database connection this process appended through. */
  private readonly lanes = new WeakMap<object, number>();
  /** Lanes held by an open connection of this process. */
  private readonly lanesInUse = new Set<number>();
  private nextLane = 0;

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
   * Usually ONE statement: the service remembers the head of each organization's lanes as its own last append left
   * it, computes the MACs from the head of the connection's lane and appends there (appendAtExpectedHead), which
   * PostgreSQL checks under the head's row lock. When the head is not the remembered one (first write in the lane
   * since start, another API process sharing the lane, a rolled-back request) it locks the head, reads it and appends
   * (two statements). All events of one call go to one lane.
   */
  async recordMany(manager: EntityManager, source: AuditSource, entries: readonly AuditEntry[]): Promise<string | undefined> {
    if (entries.length === 0) return undefined;
    const lane = await this.laneOf(manager);
    const appended = entries.length <= CHUNK ? await this.appendAtRememberedHead(manager, source, lane, entries) : null;
    if (appended) return appended;
    // Date objects and undefined fields become what JSON (and so jsonb) makes of them.
    const head = await lockChainHead(
      manager,
      source.organizationId,
      lane,
      entries.map((e) => e.changes ?? null),
    );
    const rows = this.chain(source, lane, head, head.occurredAt, head.changes, entries);
    for (let start = 0; start < rows.length; start += CHUNK) {
      await appendChained(manager, source.organizationId, lane, head.occurredAt, rows.slice(start, start + CHUNK));
    }
    this.remember(source.organizationId, lane, rows);
    return head.occurredAt;
  }

  /**
   * The lane of the manager's database connection: one a connection keeps while it lives (so a transaction's events
   * stay in one lane), taken when it first appends, the first lane no other open connection of this process holds
   * (with the pool smaller than AUDIT_LANES, concurrent transactions of this process never share a lane). When all
   * are held (more connections than lanes) lanes are shared round-robin, and so they are between API processes: then
   * PostgreSQL's check of the expected head fails and the slow path waits for the lane's lock, correct but slower.
   */
  private async laneOf(manager: EntityManager): Promise<number> {
    // A manager without a runner of its own (dataSource.manager) runs in the request's transaction when there is one
    // (the same connection, so its lane); outside any, each statement goes to any pooled connection: lane 0.
    const runner = manager.queryRunner ?? sharedRequestRunner(manager.connection);
    if (!runner || runner.isReleased) return 0;
    // Connected already in a transaction (then this only hands back its connection), so the first event of a
    // transaction takes the same lane as the next.
    const connection = (await runner.connect()) as LaneHolder;
    if (typeof connection?.once !== 'function') return 0;
    const known = this.lanes.get(connection);
    if (known !== undefined) return known;
    let lane = this.nextLane;
    for (let i = 0; i < AUDIT_LANES && this.lanesInUse.has(lane); i++) lane = (lane + 1) % AUDIT_LANES;
    this.nextLane = (lane + 1) % AUDIT_LANES;
    if (!this.lanesInUse.has(lane)) {
      this.lanesInUse.add(lane);
      connection.once('end', () => this.lanesInUse.delete(lane));
    }
    this.lanes.set(connection, lane);
    return lane;
  }

  /**
   * The one-statement append at the head this process last left. The head is taken for the new events before the
   * statement is sent, so a concurrent request of the same organization chains after them (its UPDATE waits for this
   * request's commit); if this request rolls back, that one's check fails and it takes the slow path.
   */
  private async appendAtRememberedHead(manager: EntityManager, source: AuditSource, lane: number, entries: readonly AuditEntry[]): Promise<string | null> {
    const head = this.heads.get(headKey(source.organizationId, lane));
    if (!head) return null;
    const changes: (string | null)[] = [];
    for (const entry of entries) {
      const text = jsonbText(entry.changes);
      if (text === undefined) return null;
      changes.push(text);
    }
    const occurredAt = `${new Date().toISOString().slice(0, -1)}000Z`;
    const rows = this.chain(source, lane, head, occurredAt, changes, entries);
    this.remember(source.organizationId, lane, rows);
    return (await appendAtExpectedHead(manager, source.organizationId, lane, head, occurredAt, rows)) ? occurredAt : null;
  }

  private chain(source: AuditSource, lane: number, head: ExpectedHead, occurredAt: string, changes: readonly (string | null)[], entries: readonly AuditEntry[]): ChainedRow[] {
    let seq = head.lastSeq;
    let previousMac = head.lastMac;
    return entries.map((entry, i) => {
      seq += 1;
      const content = {
        organizationId: source.organizationId,
        lane,
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

  private remember(organizationId: string, lane: number, rows: readonly ChainedRow[]): void {
    const last = rows[rows.length - 1];
    const key = headKey(organizationId, lane);
    // Re-inserted so the map's order is least recently used first.
    this.heads.delete(key);
    this.heads.set(key, { lastSeq: last.seq, lastMac: last.mac });
    if (this.heads.size > REMEMBERED_HEADS) this.heads.delete(this.heads.keys().next().value as string);
  }
}

const headKey = (organizationId: string, lane: number) => `${organizationId}/${lane}`;

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
