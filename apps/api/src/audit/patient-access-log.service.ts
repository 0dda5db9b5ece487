import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { checkKeyFormat } from '../common/pagination/keyset-key-format';
import type { KeysetPageQueryDto } from '../common/pagination/keyset-page.dto';
import { keysetPage } from '../common/pagination/keyset-page';
import { NotFoundError } from '../common/problems/domain-error';
import { AuditService } from './audit.service';
import type { PatientAccessLogPageDto } from './patient-access-log.dto';
import { patientAccessLog, type AccessLogRow } from './patient-access-log.queries';
import { describeEvent } from './audit-words';

/** The access log's sort key: occurred_at (to the microsecond), then the event id. */
const ACCESS_LOG_KEY: readonly KeysetPart[] = ['instant', 'number'];

/**
 * The accounting of disclosures a patient may ask for (HIPAA): who viewed or changed their record, and when. Reading
 * it is itself a read of the record, audited in the request's transaction (after the page is read, so it lists
 * earlier events only). The page and the patient's existence are one statement; the audit event is the only write.
 */
@Injectable()
export class PatientAccessLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, patientId: string, query: KeysetPageQueryDto): Promise<PatientAccessLogPageDto> {
    const after = checkKeyFormat(decodeKeysetCursor(query.after, ACCESS_LOG_KEY), ['microsecond-instant', 'bigint-id']);
    const manager = this.dataSource.manager;
    const rows = await patientAccessLog(manager, actor.organizationId, patientId, after, query.pageSize + 1);
    if (!rows[0]?.patient_found) throw new NotFoundError('Patient', patientId);
    const events = rows.filter((r): r is AccessLogRow & { id: string } => r.id !== null);
    const page = keysetPage(events, query.pageSize, (r) => [r.cursor_at, Number(r.id)], (r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role as StaffRole | null,
      action: r.action,
      description: describeEvent(r, actor.locale).sentence,
      entityType: r.entity_type,
      entityId: r.entity_id,
    }));
    await this.audit.recordPatientRead(manager, actor, patientId, 'patient.access_log_viewed', { entries: { to: page.items.length } });
    return page;
  }
}
