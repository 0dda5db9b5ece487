import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/access/actor';
import { NotFoundError } from '../../common/problems/domain-error';
import { timelineRows } from './timeline.queries';
import type { TimelineDto, TimelineItemDto } from './timeline.dto';
import { TimelineSource, type TimelineProvider } from './timeline-source';

/** One chronological list of everything recorded about a patient, gathered from every timeline source's views in one statement. */
@Injectable()
export class TimelineService {
  private sources?: TimelineProvider[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, patientId: string): Promise<TimelineDto> {
    return this.dataSource.transaction(async (manager) => {
      const { patientFound, items } = await this.read(manager, actor.organizationId, patientId);
      if (!patientFound) throw new NotFoundError('Patient', patientId);
      await this.audit.record(manager, actor, { action: 'patient.timeline_viewed', entityType: 'patient', entityId: patientId });
      return { items };
    });
  }

  /** Every source's entries, oldest first (ties in a stable order). Not audited: callers audit. */
  async items(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineItemDto[]> {
    return (await this.read(manager, organizationId, patientId)).items;
  }

  /**
   * Every source's views in one statement, with whether the patient exists; `extraColumns`: more columns of the
   * patients module read in the same statement (answered in `extra`).
   */
  async read(
    manager: EntityManager,
    organizationId: string,
    patientId: string,
    extraColumns?: string,
  ): Promise<{ patientFound: boolean; items: TimelineItemDto[]; extra: Record<string, unknown> }> {
    const sources = this.timelineSources();
    const { patientFound, rows, extra } = await timelineRows(manager, organizationId, patientId, sources.flatMap((s) => s.views), extraColumns);
    const entries = [];
    let next = 0;
    for (const source of sources) {
      entries.push(...source.entries(rows.slice(next, next + source.views.length)));
      next += source.views.length;
    }
    const items = entries
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind) || a.refId.localeCompare(b.refId))
      .map((e) => ({ ...e, at: e.at.toISOString() }));
    return { patientFound, items, extra };
  }

  private timelineSources(): TimelineProvider[] {
    this.sources ??= this.discovery
      .getProviders({ metadataKey: TimelineSource.KEY })
      .map((wrapper) => wrapper.instance as TimelineProvider)
      .filter((instance) => typeof instance?.entries === 'function' && Array.isArray(instance.views));
    return this.sources;
  }
}
