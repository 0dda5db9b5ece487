import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventPageDto, AuditEventQueryDto } from './audit.dto';

/** Reads the organization's audit trail, newest first. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(actor: Actor, query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .leftJoin('staff_members', 's', 's.id = e.actor_id')
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
