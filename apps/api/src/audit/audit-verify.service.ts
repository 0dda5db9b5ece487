import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { eventMac, macOverTail } from './audit-chain';
import { ChainMacChecker } from './chain-mac-checker';
import { independentTransaction } from '../database/request-transaction';
import { chainSeqOf, chainStart, chainedEventId, chainedEventsAround, chainedRange, type ChainedTuple } from './audit-verify.queries';
import { AuditKeyProvider } from './audit-key.provider';
import { AuditService } from './audit.service';
import type { AuditChainVerificationDto } from './audit.dto';

/** Sequence numbers per batch: ~10 MB of text each, at most IN_FLIGHT + 1 of them in memory. */
const BATCH = 25_000;
/** Batches asked for ahead of the one being checked, alternating between the two connections. */
const IN_FLIGHT = 2;

/** What audit_entity_chain tells of an event's place in the chain (its columns chain_seq, mac, chain_tail, previous_mac). */
export interface AuditChainEvidence {
  chainSeq: string | null;
  mac: string | null;
  chainTail: string;
  previousMac: string | null;
}

/**
 * Walks an organization's audit chain in keyset batches (never all rows in memory) and recomputes every MAC.
 * An altered row fails its own MAC; a deleted or reordered row breaks the sequence or the next MAC; an inserted row
 * either fails its MAC or is an unchained row after the chain began; a removed tail no longer reaches the head.
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
    return macOverTail(this.keys.key, evidence.previousMac, JSON.stringify(organizationId), evidence.chainTail) === evidence.mac;
  }

  /** True when the chained event with this id verifies against its predecessor's MAC (a single entry's check). */
  async entryIntact(manager: EntityManager, organizationId: string, eventId: string): Promise<boolean | null> {
    const seq = await chainSeqOf(manager, organizationId, eventId);
    if (seq === undefined) return false;
    if (seq === null) return null;
    const events = await chainedEventsAround(manager, organizationId, seq);
    const event = events.find((e) => e.id === eventId);
    if (!event) return false;
    const previous = events.find((e) => BigInt(e.seq) === BigInt(event.seq) - 1n);
    if (event.seq !== '1' && !previous) return false;
    return eventMac(this.keys.key, previous?.mac ?? null, event) === event.mac;
  }

  private async walk(manager: EntityManager, organizationId: string): Promise<{ result: AuditChainVerificationDto; legacy: number }> {
    const client = (await manager.queryRunner?.connect()) as PoolClient;
    // One statement reads the head, the unchained rows and the first batch: a chain of up to BATCH events is walked
    // with no further read.
    const { head, legacy, firstIntruderId, firstBatch } = await chainStart(client, organizationId, BATCH);
    const key = this.keys.key;
    const checker = new ChainMacChecker(key, JSON.stringify(organizationId));
    // Sequence numbers stay far below 2^53 (a million events a day for 24,000 years), so plain numbers suffice here.
    const headSeq = head?.lastSeq ?? 0;
    let checked = 0;
    let expected = 1;
    let previousMac: string | null = null;
    let brokenSeq: string | null = null;
    const walkOn = async (clients: PoolClient[]) => {
      const queue: Promise<ChainedTuple[]>[] = [Promise.resolve(firstBatch)];
      let nextFrom = Math.min(headSeq, BATCH);
      const request = () => {
        if (nextFrom >= headSeq) return;
        const through = Math.min(headSeq, nextFrom + BATCH);
        const batch = chainedRange(clients[queue.length % clients.length], organizationId, nextFrom, through);
        // A batch nobody waits for any more (the walk stopped) must not surface as an unhandled rejection.
        batch.catch(() => undefined);
        queue.push(batch);
        nextFrom = through;
      };
      for (let i = 0; i < IN_FLIGHT; i++) request();
      try {
        for (let k = 0; k < queue.length && brokenSeq === null; k++) {
          const batch = await queue[k];
          request();
          for (const [seq, mac, tail] of batch) {
            checked += 1;
            if (Number(seq) !== expected || checker.mac(previousMac, tail) !== mac) {
              brokenSeq = seq;
              break;
            }
            previousMac = mac;
            expected += 1;
          }
        }
      } finally {
        // Let batches still in flight finish before the transactions end.
        await Promise.allSettled(queue);
      }
    };
    // PostgreSQL rendering the rows costs more than Node hashing them, so batches are read on two connections at once
    // (the request's and one of its own, same organization) while Node checks the earliest one. They are checked in
    // chain order, each MAC against the one before it, exactly as a single walk would. Events appended after the head
    // was read lie beyond the last range and are for the next verification. Only one walk at a time takes a second
    // connection (the others read on their request's alone), so concurrent verifications cannot drain the pool
    // while each waits for one more.
    if (this.secondConnectionInUse || headSeq <= BATCH) {
      // A chain within the first batch needs no second connection (nothing left to read ahead).
      await walkOn([client]);
    } else {
      this.secondConnectionInUse = true;
      try {
        await independentTransaction(this.dataSource, organizationId, async (second) => walkOn([client, (await second.queryRunner?.connect()) as PoolClient]));
      } finally {
        this.secondConnectionInUse = false;
      }
    }
    let brokenId = brokenSeq === null ? null : await chainedEventId(client, organizationId, brokenSeq);
    if (firstIntruderId !== null && (brokenId === null || BigInt(firstIntruderId) < BigInt(brokenId))) brokenId = firstIntruderId;
    // A chain that stops short of its head lost its last events (or the head was moved): broken, with no row to name.
    const reachesHead = head === null ? previousMac === null : head.lastSeq === expected - 1 && head.lastMac === previousMac;
    const intact = brokenId === null && reachesHead;
    return { result: { intact, checked, firstBrokenEventId: brokenId }, legacy };
  }
}
