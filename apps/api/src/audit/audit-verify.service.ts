import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { eventMac, macOverTail } from './audit-chain';
import { ChainMacChecker } from './chain-mac-checker';
import { independentTransaction } from '../database/request-transaction';
import { chainPlaceOf, chainStart, chainedEventId, chainedEventsAround, chainedRange, type ChainHead, type ChainedTuple } from './audit-verify.queries';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditService } from './audit.service';
import type { AuditChainVerificationDto } from './audit.dto';

/** Sequence numbers per batch: ~10 MB of text each, at most IN_FLIGHT + 1 of them in memory. */
const BATCH = 25_000;
/** Batches asked for ahead of the one being checked, alternating between the two connections. */
const IN_FLIGHT = 2;

/**
 * What audit_entity_chain tells of an event's place in the chain (its columns chain_lane, chain_seq, mac, chain_tail,
 * previous_mac; the predecessor is the one in the same lane).
 */
export interface AuditChainEvidence {
  chainLane: number;
  chainSeq: string | null;
  mac: string | null;
  chainTail: string;
  previousMac: string | null;
}

/** One lane's walk: where it has got to and where it broke. */
interface LaneWalk {
  head: ChainHead;
  checker: ChainMacChecker;
  expected: number;
  previousMac: string | null;
  brokenSeq: string | null;
}

/**
 * Walks each lane of an organization's audit chain in keyset batches (never all rows in memory) and recomputes every
 * MAC. An altered row fails its own MAC; a deleted or reordered row breaks the sequence or the next MAC; an inserted
 * row either fails its MAC or is an unchained row after the chain began; a removed tail no longer reaches its lane's
 * head; a row moved to another lane leaves a gap in its own and fails the MAC of the other (the lane is in it).
 */
@Injectable()
export class AuditVerifyService {
  private readonly logger = new Logger(AuditVerifyService.name);
  /** Whether a walk holds the one extra pool connection verification may take (see walk). */
  private secondConnectionInUse = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: AuditKeyProvider,
    private readonly audit: AuditService,
  ) {}

  async verify(actor: Actor): Promise<AuditChainVerificationDto> {
    // The walk stops at the head as read first, so events committed meanwhile do not look like a broken tail (a
    // request's transaction is READ COMMITTED, and this runs inside it).
    const { result, legacy } = await this.dataSource.transaction((manager) => this.walk(manager, actor.organizationId));
    if (legacy > 0) this.logger.log(`Audit chain of ${actor.organizationId}: ${legacy} events from before the chain were skipped`);
    // Recorded after the walk, so the event does not count itself; committed with the request, before the answer.
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'audit.chain_verified',
        entityType: 'organization',
        entityId: actor.organizationId,
        changes: { intact: { to: result.intact }, checked: { to: result.checked }, legacySkipped: { to: legacy }, firstBrokenEventId: { to: result.firstBrokenEventId } },
      }),
    );
    return result;
  }

  /**
   * entryIntact for an event read through the published view audit_entity_chain (the reader's own statement): null
   * when it predates the chain, else whether its MAC verifies against its predecessor's.
   */
  chainEvidenceIntact(organizationId: string, evidence: AuditChainEvidence): boolean | null {
    if (evidence.chainSeq === null) return null;
    if (evidence.chainSeq !== '1' && evidence.previousMac === null) return false;
    return macOverTail(this.keys.key, evidence.previousMac, JSON.stringify(organizationId), evidence.chainTail, evidence.chainLane) === evidence.mac;
  }

  /** True when the chained event with this id verifies against its predecessor's MAC (a single entry's check). */
  async entryIntact(manager: EntityManager, organizationId: string, eventId: string): Promise<boolean | null> {
    const place = await chainPlaceOf(manager, organizationId, eventId);
    if (place === undefined) return false;
    if (place === null) return null;
    const events = await chainedEventsAround(manager, organizationId, place.lane, place.seq);
    const event = events.find((e) => e.id === eventId);
    if (!event) return false;
    const previous = events.find((e) => BigInt(e.seq) === BigInt(event.seq) - 1n);
    if (event.seq !== '1' && !previous) return false;
    return eventMac(this.keys.key, previous?.mac ?? null, event) === event.mac;
  }

  private async walk(manager: EntityManager, organizationId: string): Promise<{ result: AuditChainVerificationDto; legacy: number }> {
    const client = (await manager.queryRunner?.connect()) as PoolClient;
    // One statement reads the heads, the unchained rows and each lane's first events: a chain of up to BATCH events
    // is walked with no further read.
    const { heads, firstThrough, legacy, firstIntruderId, firstBatches } = await chainStart(client, organizationId, BATCH);
    const key = this.keys.key;
    const organizationJson = JSON.stringify(organizationId);
    // Sequence numbers stay far below 2^53 (a million events a day for 24,000 years), so plain numbers suffice here.
    const walks = new Map<number, LaneWalk>(
      heads.map((head) => [head.lane, { head, checker: new ChainMacChecker(key, organizationJson, head.lane), expected: 1, previousMac: null, brokenSeq: null }]),
    );
    const lastSeq = Math.max(0, ...heads.map((h) => h.lastSeq));
    let checked = 0;
    const check = (batches: Map<number, ChainedTuple[]>) => {
      for (const [lane, batch] of batches) {
        const walk = walks.get(lane);
        // Only lanes of the heads read are asked for; a broken lane's later rows are not the walk's any more.
        if (!walk || walk.brokenSeq !== null) continue;
        for (const [seq, mac, tail] of batch) {
          checked += 1;
          if (Number(seq) !== walk.expected || walk.checker.mac(walk.previousMac, tail) !== mac) {
            walk.brokenSeq = seq;
            break;
          }
          walk.previousMac = mac;
          walk.expected += 1;
        }
      }
    };
    /**
     * The window after `after` holding about BATCH events: the same sequence numbers in every lane still to walk, as
     * wide as keeps the events (up to each lane's head) within BATCH.
     */
    const windowAfter = (after: number): { lanes: { lane: number; lastSeq: number }[]; through: number } => {
      const lanes = [...walks.values()].filter((w) => w.brokenSeq === null && w.head.lastSeq > after).map((w) => ({ lane: w.head.lane, lastSeq: w.head.lastSeq }));
      const events = (through: number) => lanes.reduce((sum, l) => sum + Math.min(l.lastSeq, through) - after, 0);
      let low = after + 1;
      let high = Math.min(lastSeq, after + BATCH);
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (events(middle) <= BATCH) low = middle;
        else high = middle - 1;
      }
      return { lanes, through: low };
    };
    const walkOn = async (clients: PoolClient[]) => {
      const queue: Promise<Map<number, ChainedTuple[]>>[] = [Promise.resolve(firstBatches)];
      let nextAfter = Math.min(lastSeq, firstThrough);
      const request = () => {
        if (nextAfter >= lastSeq) return;
        const { lanes, through } = windowAfter(nextAfter);
        if (lanes.length === 0) return;
        const batch = chainedRange(clients[queue.length % clients.length], organizationId, lanes, nextAfter, through);
        // A batch nobody waits for any more (the walk stopped) must not surface as an unhandled rejection.
        batch.catch(() => undefined);
        queue.push(batch);
        nextAfter = through;
      };
      for (let i = 0; i < IN_FLIGHT; i++) request();
      try {
        for (let k = 0; k < queue.length; k++) {
          const batch = await queue[k];
          request();
          check(batch);
          if ([...walks.values()].every((w) => w.brokenSeq !== null)) break;
        }
      } finally {
        // Let batches still in flight finish before the transactions end.
        await Promise.allSettled(queue);
      }
    };
    // PostgreSQL rendering the rows costs more than Node hashing them, so windows are read on two connections at once
    // (the request's and one of its own, same organization) while Node checks the earliest one. Each lane's rows are
    // checked in chain order, each MAC against the one before it, exactly as a single walk would. Events appended after
    // the heads were read lie beyond them and are for the next verification. Only one walk at a time takes a
    // second connection (the others read on their request's alone), so concurrent verifications cannot drain the pool
    // while each waits for one more.
    if (this.secondConnectionInUse || Math.min(lastSeq, firstThrough) >= lastSeq) {
      // A chain read whole by the first statement needs no second connection (nothing left to read ahead).
      await walkOn([client]);
    } else {
      this.secondConnectionInUse = true;
      try {
        await independentTransaction(this.dataSource, organizationId, async (second) => walkOn([client, (await second.queryRunner?.connect()) as PoolClient]));
      } finally {
        this.secondConnectionInUse = false;
      }
    }
    // The earliest broken event (by id) across the lanes, and an unchained row inserted after the chain began.
    let brokenId: string | null = firstIntruderId;
    for (const walk of walks.values()) {
      if (walk.brokenSeq === null) continue;
      const id = await chainedEventId(client, organizationId, walk.head.lane, walk.brokenSeq);
      if (id !== null && (brokenId === null || BigInt(id) < BigInt(brokenId))) brokenId = id;
    }
    // A lane that stops short of its head lost its last events (or the head was moved): broken, with no row to name.
    const lanes = [...walks.values()];
    const reachHeads = lanes.every((w) => w.head.lastSeq === w.expected - 1 && w.head.lastMac === w.previousMac);
    const intact = brokenId === null && reachHeads && lanes.every((w) => w.brokenSeq === null);
    return { result: { intact, checked, firstBrokenEventId: brokenId }, legacy };
  }
}
