import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { AuditChanges } from './audit-event.entity';
import { cappedCount } from '../common/pagination/capped-count';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { checkKeyFormat } from '../common/pagination/keyset-key-format';
import { keysetPage } from '../common/pagination/keyset-page';
import { auditEventPage, type AuditSearchRow } from './audit-events.queries';
import { describeEvent } from './audit-words';
import type { AuditEventPageDto, AuditEventQueryDto } from './audit.dto';
import { entityTrail } from './audit-trail.queries';

/** The audit list's sort key: occurred_at (to the microsecond), then the event id. */
const AUDIT_KEY: readonly KeysetPart[] = ['instant', 'number'];

/** What events are about, as `AuditService.record` wrote it (e.g. `{ type: 'consent', id }`). */
export interface AuditedEntity {
  type: string;
  id: string;
}

/** One event of an entity's trail. */
export interface AuditTrailEntry {
  id: string;
  occurredAt: Date;
  action: string;
  actorId: string | null;
  /** Null when no signed-in person did it (the kiosk, a system job). */
  actorName: string | null;
  ip: string | null;
  changes: AuditChanges | null;
  /** False for events written before the organization's HMAC chain began. */
  chained: boolean;
}

/**
 * Reads the audit trail: the admins' search (newest first), and `trailFor`, the read other modules use for an
 * entity's history (a patient's registration and edits, a consent's certificate page and chain check) instead of
 * reading audit_events themselves.
 */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The entity's events, oldest first, in the caller's transaction; only those `actions` when given. Not audited:
   * the caller audits its own read.
   */
  async trailFor(
    manager: EntityManager,
    organizationId: string,
    entity: AuditedEntity,
    options: { actions?: readonly string[] } = {},
  ): Promise<AuditTrailEntry[]> {
    const rows = await entityTrail(manager, organizationId, entity.type, entity.id, options.actions ?? null);
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      action: r.action,
      actorId: r.actor_id,
      actorName: r.actor_name,
      ip: r.ip,
      changes: r.changes,
      chained: r.chained,
    }));
  }

  /**
   * The admins' search, newest first: each event with its actor's name, the name of what it touched, one sentence
   * saying what happened and its changed fields in words (issue 13). The ids, codes and ISO times stay beside them
   * for machines and filters.
   */
  async search(actor: Actor, query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    const after = checkKeyFormat(decodeKeysetCursor(query.after, AUDIT_KEY), ['microsecond-instant', 'bigint-id']);
    const rows = await auditEventPage(this.dataSource.manager, actor.organizationId, query, after, query.pageSize + 1);
    const page = keysetPage(rows, query.pageSize, (r: AuditSearchRow) => [r.cursor_at, Number(r.id)], (r) => {
      const words = describeEvent(r, actor.locale);
      return {
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        entityName: words.entityName,
        actorId: r.actor_id,
        actorName: r.actor_name,
        sentence: words.sentence,
        details: words.details,
        ip: r.ip,
        requestId: r.request_id,
        changes: r.changes,
      };
    });
    if (after !== null) return page;
    return { ...page, total: cappedCount(rows.length > 0 ? Number(rows[0].capped_total) : 0) };
  }
}
