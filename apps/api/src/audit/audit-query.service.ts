import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditEvent, type AuditChanges } from './audit-event.entity';
import type { AuditEventPageDto, AuditEventQueryDto } from './audit.dto';
import { entityTrail } from './audit-trail.queries';

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

  async search(actor: Actor, query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .leftJoin('staff_directory', 's', 's.id = e.actor_id')
      .addSelect('s.name', 'actor_name')
      .where('e.organization_id = :org', { org: actor.organizationId });
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });

    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities();
    return {
      items: entities.map((e, i) => ({
        id: e.id,
        occurredAt: e.occurredAt.toISOString(),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actorId: e.actorId,
        actorName: (raw[i]?.actor_name as string | undefined) ?? null,
        ip: e.ip,
        requestId: e.requestId,
        changes: e.changes,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
