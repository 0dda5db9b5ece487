import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/access/actor';
import { findPatient } from '../patient-records';
import type { TimelineDto, TimelineItemDto } from './timeline.dto';
import { TimelineSource, type TimelineProvider } from './timeline-source';

/** One chronological list of everything recorded about a patient, gathered from every timeline source. */
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
      await findPatient(manager, actor, patientId);
      const items = await this.items(manager, actor.organizationId, patientId);
      await this.audit.record(manager, actor, { action: 'patient.timeline_viewed', entityType: 'patient', entityId: patientId });
      return { items };
    });
  }

  /** Every source's entries, oldest first (ties in a stable order). Not audited: callers audit. */
  async items(manager: EntityManager, organizationId: string, patientId: string): Promise<TimelineItemDto[]> {
    const entries = [];
    // One after another: the sources share the transaction's single connection.
    for (const source of this.timelineSources()) entries.push(...(await source.entries(manager, organizationId, patientId)));
    return entries
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind) || a.refId.localeCompare(b.refId))
      .map((e) => ({ ...e, at: e.at.toISOString() }));
  }

  private timelineSources(): TimelineProvider[] {
    this.sources ??= this.discovery
      .getProviders({ metadataKey: TimelineSource.KEY })
      .map((wrapper) => wrapper.instance as TimelineProvider)
      .filter((instance) => typeof instance?.entries === 'function');
    return this.sources;
  }
}
