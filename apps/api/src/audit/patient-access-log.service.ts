import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { PageQueryDto } from '../common/dto/pagination.dto';
import { NotFoundError } from '../common/problems/domain-error';
import { AuditService } from './audit.service';
import type { PatientAccessLogPageDto } from './patient-access-log.dto';
import { knownPatientAccessLog, patientAccessLogCount } from './patient-access-log.queries';
import { describeEvent } from './audit-words';

/**
 * The accounting of disclosures a patient may ask for (HIPAA): who viewed or changed their record, and when. Reading
 * it is itself a read of the record, audited in the same transaction (after the page is read, so it lists earlier
 * events only).
 */
@Injectable()
export class PatientAccessLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, patientId: string, query: PageQueryDto): Promise<PatientAccessLogPageDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await knownPatientAccessLog(manager, actor.organizationId, patientId, query.pageSize, (query.page - 1) * query.pageSize);
      if (!rows) throw new NotFoundError('Patient', patientId);
      const total = rows.length > 0 ? Number(rows[0].total) : query.page === 1 ? 0 : await patientAccessLogCount(manager, actor.organizationId, patientId);
      await this.audit.recordPatientRead(manager, actor, patientId, 'patient.access_log_viewed', { page: { to: query.page } });
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at.toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role as StaffRole | null,
          action: r.action,
          description: describeEvent(r, actor.locale).sentence,
          entityType: r.entity_type,
          entityId: r.entity_id,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }
}
