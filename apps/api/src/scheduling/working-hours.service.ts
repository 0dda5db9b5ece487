import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatClockTime, parseClockTime } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import type { CreateTimeOffDto, HoursExceptionDto, PutWorkingHoursDto, WorkingHoursDto } from './working-hours.dto';

/**
 * Practitioners' working hours: a weekly pattern per location in the location's wall-clock time, plus dated
 * exceptions (time off anywhere, extra hours at a location) as instants.
 */
@Injectable()
export class WorkingHoursService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, staffMemberId: string): Promise<WorkingHoursDto> {
    await this.assertStaff(this.dataSource.manager, actor, staffMemberId);
    return this.read(this.dataSource.manager, actor.organizationId, staffMemberId);
  }

  async put(actor: Actor, staffMemberId: string, input: PutWorkingHoursDto): Promise<WorkingHoursDto> {
    const blocks = input.blocks.map((b, i) => {
      const start = parseClockTime(b.startsAt) as number;
      const end = parseClockTime(b.endsAt) as number;
      if (end <= start) throw new InvalidFieldError(`blocks[${i}].endsAt`, 'must be after startsAt');
      return { weekday: b.weekday, start, end };
    });
    return this.dataSource.transaction(async (manager) => {
      await this.assertStaff(manager, actor, staffMemberId, true);
      const [location] = await manager.query(`SELECT 1 FROM locations WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.locationId]);
      if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
      const before = await this.read(manager, actor.organizationId, staffMemberId);
      await manager.query(`DELETE FROM working_hours WHERE organization_id = $1 AND staff_member_id = $2 AND location_id = $3`, [
        actor.organizationId,
        staffMemberId,
        input.locationId,
      ]);
      if (blocks.length > 0) {
        // Overlapping blocks on a weekday (here or at another location) break working_hours_no_overlap: 409.
        await manager.query(
          `INSERT INTO working_hours (organization_id, staff_member_id, location_id, weekday, start_minute, end_minute)
           SELECT $1, $2, $3, b.weekday, b.start_minute, b.end_minute
           FROM unnest($4::smallint[], $5::smallint[], $6::smallint[]) AS b(weekday, start_minute, end_minute)`,
          [actor.organizationId, staffMemberId, input.locationId, blocks.map((b) => b.weekday), blocks.map((b) => b.start), blocks.map((b) => b.end)],
        );
      }
      const after = await this.read(manager, actor.organizationId, staffMemberId);
      await this.audit.record(manager, actor, {
        action: 'working_hours.replaced',
        entityType: 'staff_member',
        entityId: staffMemberId,
        changes: { locationId: { to: input.locationId }, blocks: { from: before.blocks.filter((b) => b.locationId === input.locationId), to: input.blocks } },
      });
      return after;
    });
  }

  async addException(actor: Actor, staffMemberId: string, input: CreateTimeOffDto): Promise<HoursExceptionDto> {
    const kind = input.kind ?? 'time_off';
    if (new Date(input.endsAt) <= new Date(input.startsAt)) throw new InvalidFieldError('endsAt', 'must be after startsAt');
    if (kind === 'extra_hours' && !input.locationId) throw new InvalidFieldError('locationId', 'extra hours need a location');
    return this.dataSource.transaction(async (manager) => {
      await this.assertStaff(manager, actor, staffMemberId, true);
      if (input.locationId) {
        const [location] = await manager.query(`SELECT 1 FROM locations WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.locationId]);
        if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
      }
      const [row] = await manager.query(
        `INSERT INTO working_hours_exceptions (organization_id, staff_member_id, kind, location_id, starts_at, ends_at, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [actor.organizationId, staffMemberId, kind, input.locationId ?? null, input.startsAt, input.endsAt, input.reason?.trim() ?? '', actor.staffMemberId],
      );
      const dto = toExceptionDto(row);
      await this.audit.record(manager, actor, {
        action: kind === 'time_off' ? 'time_off.added' : 'extra_hours.added',
        entityType: 'staff_member',
        entityId: staffMemberId,
        changes: { startsAt: { to: dto.startsAt }, endsAt: { to: dto.endsAt }, locationId: { to: dto.locationId }, reason: { to: dto.reason } },
      });
      return dto;
    });
  }

  async removeException(actor: Actor, staffMemberId: string, exceptionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [[row]] = await manager.query(
        `DELETE FROM working_hours_exceptions WHERE organization_id = $1 AND staff_member_id = $2 AND id = $3 RETURNING *`,
        [actor.organizationId, staffMemberId, exceptionId],
      );
      if (!row) throw new NotFoundError('Time off', exceptionId);
      await this.audit.record(manager, actor, {
        action: 'hours_exception.removed',
        entityType: 'staff_member',
        entityId: staffMemberId,
        changes: { exception: { from: toExceptionDto(row) } },
      });
    });
  }

  private async assertStaff(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM staff_members WHERE organization_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`, [actor.organizationId, id]);
    if (!row) throw new NotFoundError('Staff member', id);
  }

  private async read(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<WorkingHoursDto> {
    const blocks: { location_id: string; weekday: number; start_minute: number; end_minute: number }[] = await manager.query(
      `SELECT location_id, weekday, start_minute, end_minute FROM working_hours WHERE organization_id = $1 AND staff_member_id = $2
       ORDER BY location_id, weekday, start_minute`,
      [organizationId, staffMemberId],
    );
    const exceptions = await manager.query(
      `SELECT * FROM working_hours_exceptions WHERE organization_id = $1 AND staff_member_id = $2 AND ends_at > now() - interval '30 days'
       ORDER BY starts_at, id`,
      [organizationId, staffMemberId],
    );
    return {
      staffMemberId,
      blocks: blocks.map((b) => ({ locationId: b.location_id, weekday: b.weekday, startsAt: formatClockTime(b.start_minute), endsAt: formatClockTime(b.end_minute) })),
      exceptions: exceptions.map(toExceptionDto),
    };
  }
}

function toExceptionDto(r: { id: string; kind: string; location_id: string | null; starts_at: Date; ends_at: Date; reason: string }): HoursExceptionDto {
  return { id: r.id, kind: r.kind, locationId: r.location_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), reason: r.reason };
}
