import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatClockTime, parseClockTime } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { findLocation, staffMemberExists } from './clinic-directory.queries';
import type { CreateTimeOffDto, HoursExceptionDto, PutWorkingHoursDto, WorkingHoursDto } from './working-hours.dto';
import {
  deleteHoursException,
  insertHoursException,
  lockPractitionerHours,
  recentHoursExceptions,
  hoursOfKnownStaff,
  replaceWeeklyHours,
  weeklyHours,
  type HoursExceptionRow,
} from './working-hours.queries';

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
    // The staff check rides on the read's statement (issue 15).
    const hours = await hoursOfKnownStaff(this.dataSource.manager, actor.organizationId, staffMemberId);
    if (!hours) throw new NotFoundError('Staff member', staffMemberId);
    return toWorkingHoursDto(staffMemberId, hours.blocks, hours.exceptions);
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
      if (!(await findLocation(manager, actor.organizationId, input.locationId))) throw new InvalidFieldError('locationId', 'no such location in this organization');
      const before = await this.read(manager, actor.organizationId, staffMemberId);
      await replaceWeeklyHours(manager, actor.organizationId, staffMemberId, input.locationId, blocks);
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
      if (input.locationId && !(await findLocation(manager, actor.organizationId, input.locationId))) {
        throw new InvalidFieldError('locationId', 'no such location in this organization');
      }
      const row = await insertHoursException(manager, {
        organizationId: actor.organizationId,
        staffMemberId,
        kind,
        locationId: input.locationId ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason?.trim() ?? '',
        createdBy: actor.staffMemberId,
      });
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
      const row = await deleteHoursException(manager, actor.organizationId, staffMemberId, exceptionId);
      if (!row) throw new NotFoundError('Time off', exceptionId);
      await this.audit.record(manager, actor, {
        action: 'hours_exception.removed',
        entityType: 'staff_member',
        entityId: staffMemberId,
        changes: { exception: { from: toExceptionDto(row) } },
      });
    });
  }

  /** With `lock`, the practitioner's hours stay this transaction's until it ends (bookings check them under a shared lock). */
  private async assertStaff(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<void> {
    const found = lock ? await lockPractitionerHours(manager, actor.organizationId, id) : await staffMemberExists(manager, actor.organizationId, id);
    if (!found) throw new NotFoundError('Staff member', id);
  }

  private async read(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<WorkingHoursDto> {
    return toWorkingHoursDto(staffMemberId, await weeklyHours(manager, organizationId, staffMemberId), await recentHoursExceptions(manager, organizationId, staffMemberId));
  }
}

function toWorkingHoursDto(staffMemberId: string, blocks: Awaited<ReturnType<typeof weeklyHours>>, exceptions: HoursExceptionRow[]): WorkingHoursDto {
  return {
    staffMemberId,
    blocks: blocks.map((b) => ({ locationId: b.location_id, weekday: b.weekday, startsAt: formatClockTime(b.start_minute), endsAt: formatClockTime(b.end_minute) })),
    exceptions: exceptions.map(toExceptionDto),
  };
}

function toExceptionDto(r: HoursExceptionRow): HoursExceptionDto {
  return { id: r.id, kind: r.kind, locationId: r.location_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), reason: r.reason };
}
