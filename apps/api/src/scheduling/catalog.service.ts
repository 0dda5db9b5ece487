import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS, defaultOnlineBookingMode } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, createdFields, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import type { CreateRoomDto, CreateServiceDto, RoomDto, ServiceDto, UpdateRoomDto, UpdateServiceDto } from './catalog.dto';
import {
  insertRoom,
  insertService,
  listRoomRows,
  listServiceRows,
  lockRoomRow,
  serviceRow,
  updateRoomRow,
  updateServiceRow,
  type RoomRow,
  type ServiceRow,
} from './catalog.queries';
import { findLocation } from './clinic-directory.queries';

/** What a service's and a room's audit events record (every field but the id). */
const SERVICE_FIELDS = ['name', 'durationMin', 'bufferMin', 'procedureKind', 'consentKinds', 'minDaysBetweenMedicalSessions', 'isActive', 'onlineBooking', 'description'] as const;
const ROOM_FIELDS = ['locationId', 'name', 'isActive'] as const;

export const toServiceDto = (r: ServiceRow): ServiceDto => ({
  id: r.id,
  name: r.name,
  durationMin: r.duration_min,
  bufferMin: r.buffer_min,
  procedureKind: r.procedure_kind,
  consentKinds: r.consent_kinds,
  minDaysBetweenMedicalSessions: r.min_days_since_previous_medical,
  isActive: r.is_active,
  onlineBooking: r.online_booking,
  description: r.description,
});
const toRoomDto = (r: RoomRow): RoomDto => ({ id: r.id, locationId: r.location_id, name: r.name, isActive: r.is_active });

/** The organization's services (what can be booked, how long, which consents) and rooms per location. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listServices(actor: Actor): Promise<ServiceDto[]> {
    return (await listServiceRows(this.dataSource.manager, actor.organizationId)).map(toServiceDto);
  }

  async findService(manager: EntityManager, organizationId: string, id: string, field?: string): Promise<ServiceDto> {
    const row = await serviceRow(manager, organizationId, id);
    if (!row) throw field ? new InvalidFieldError(field, 'no such service in this organization') : new NotFoundError('Service', id);
    return toServiceDto(row);
  }

  async createService(actor: Actor, input: CreateServiceDto): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await guardName(() =>
        insertService(manager, actor.organizationId, {
          name: input.name.trim(),
          durationMin: input.durationMin,
          bufferMin: input.bufferMin ?? 0,
          procedureKind: input.procedureKind,
          consentKinds: [...new Set(input.consentKinds ?? [])],
          minDaysBetweenMedicalSessions: input.minDaysBetweenMedicalSessions ?? DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS,
          // Issue 16: medical needling opens to existing patients unless the clinic says otherwise; the rest stay off.
          onlineBooking: input.onlineBooking ?? defaultOnlineBookingMode(input.procedureKind),
          description: input.description?.trim() ?? '',
        }),
      );
      const dto = toServiceDto(row);
      await this.audit.record(manager, actor, { action: 'service.created', entityType: 'service', entityId: dto.id, changes: createdFields(dto, SERVICE_FIELDS) });
      return dto;
    });
  }

  async updateService(actor: Actor, id: string, input: UpdateServiceDto): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findService(manager, actor.organizationId, id);
      const row = await guardName(() =>
        updateServiceRow(manager, actor.organizationId, id, {
          name: input.name?.trim() ?? null,
          durationMin: input.durationMin ?? null,
          bufferMin: input.bufferMin ?? null,
          consentKinds: input.consentKinds ? [...new Set(input.consentKinds)] : null,
          minDaysBetweenMedicalSessions: input.minDaysBetweenMedicalSessions ?? null,
          isActive: input.isActive ?? null,
          onlineBooking: input.onlineBooking ?? null,
          description: input.description?.trim() ?? null,
        }),
      );
      const after = toServiceDto(row);
      await this.audit.record(manager, actor, { action: 'service.updated', entityType: 'service', entityId: id, changes: diffFields(before, after, SERVICE_FIELDS) });
      return after;
    });
  }

  async listRooms(actor: Actor, locationId?: string): Promise<RoomDto[]> {
    return (await listRoomRows(this.dataSource.manager, actor.organizationId, locationId ?? null)).map(toRoomDto);
  }

  async createRoom(actor: Actor, input: CreateRoomDto): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await findLocation(manager, actor.organizationId, input.locationId))) throw new InvalidFieldError('locationId', 'no such location in this organization');
      const dto = toRoomDto(await guardName(() => insertRoom(manager, actor.organizationId, input.locationId, input.name.trim())));
      await this.audit.record(manager, actor, { action: 'room.created', entityType: 'room', entityId: dto.id, changes: createdFields(dto, ROOM_FIELDS) });
      return dto;
    });
  }

  async updateRoom(actor: Actor, id: string, input: UpdateRoomDto): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await lockRoomRow(manager, actor.organizationId, id);
      if (!before) throw new NotFoundError('Room', id);
      const after = toRoomDto(await guardName(() => updateRoomRow(manager, actor.organizationId, id, { name: input.name?.trim() ?? null, isActive: input.isActive ?? null })));
      await this.audit.record(manager, actor, { action: 'room.updated', entityType: 'room', entityId: id, changes: diffFields(toRoomDto(before), after, ROOM_FIELDS) });
      return after;
    });
  }
}

async function guardName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
    if (constraint === 'services_name_unique' || constraint === 'rooms_name_unique') {
      throw new ConflictError('name-taken', 'That name is already in use', { errors: [{ field: 'name', message: 'already in use' }] });
    }
    throw error;
  }
}
