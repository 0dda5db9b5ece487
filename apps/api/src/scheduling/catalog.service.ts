import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import type { CreateRoomDto, CreateServiceDto, RoomDto, ServiceDto, UpdateRoomDto, UpdateServiceDto } from './catalog.dto';

interface ServiceRow {
  id: string;
  name: string;
  duration_min: number;
  buffer_min: number;
  procedure_kind: ServiceDto['procedureKind'];
  consent_kinds: string[];
  min_days_since_previous_medical: number;
  is_active: boolean;
}
interface RoomRow {
  id: string;
  location_id: string;
  name: string;
  is_active: boolean;
}

export const toServiceDto = (r: ServiceRow): ServiceDto => ({
  id: r.id,
  name: r.name,
  durationMin: r.duration_min,
  bufferMin: r.buffer_min,
  procedureKind: r.procedure_kind,
  consentKinds: r.consent_kinds,
  minDaysSincePreviousMedical: r.min_days_since_previous_medical,
  isActive: r.is_active,
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
    const rows: ServiceRow[] = await this.dataSource.query(`SELECT * FROM services WHERE organization_id = $1 ORDER BY is_active DESC, name, id`, [actor.organizationId]);
    return rows.map(toServiceDto);
  }

  async findService(manager: EntityManager, organizationId: string, id: string, field?: string): Promise<ServiceDto> {
    const [row]: ServiceRow[] = await manager.query(`SELECT * FROM services WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    if (!row) throw field ? new InvalidFieldError(field, 'no such service in this organization') : new NotFoundError('Service', id);
    return toServiceDto(row);
  }

  async createService(actor: Actor, input: CreateServiceDto): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: ServiceRow[] = await guardName(() =>
        manager.query(
          `INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, consent_kinds, min_days_since_previous_medical)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            actor.organizationId,
            input.name.trim(),
            input.durationMin,
            input.bufferMin ?? 0,
            input.procedureKind,
            [...new Set(input.consentKinds ?? [])],
            input.minDaysSincePreviousMedical ?? DEFAULT_MIN_DAYS_BETWEEN_MEDICAL_SESSIONS,
          ],
        ),
      );
      const dto = toServiceDto(row);
      await this.audit.record(manager, actor, { action: 'service.created', entityType: 'service', entityId: dto.id, changes: changesOf(dto) });
      return dto;
    });
  }

  async updateService(actor: Actor, id: string, input: UpdateServiceDto): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findService(manager, actor.organizationId, id);
      const [[row]]: [ServiceRow[]] = await guardName(() =>
        manager.query(
          `UPDATE services SET name = coalesce($3, name), duration_min = coalesce($4, duration_min), buffer_min = coalesce($5, buffer_min),
                  consent_kinds = coalesce($6, consent_kinds), min_days_since_previous_medical = coalesce($7, min_days_since_previous_medical),
                  is_active = coalesce($8, is_active), updated_at = now()
           WHERE organization_id = $1 AND id = $2 RETURNING *`,
          [
            actor.organizationId,
            id,
            input.name?.trim() ?? null,
            input.durationMin ?? null,
            input.bufferMin ?? null,
            input.consentKinds ? [...new Set(input.consentKinds)] : null,
            input.minDaysSincePreviousMedical ?? null,
            input.isActive ?? null,
          ],
        ),
      );
      const after = toServiceDto(row);
      await this.audit.record(manager, actor, { action: 'service.updated', entityType: 'service', entityId: id, changes: diff(before, after) });
      return after;
    });
  }

  async listRooms(actor: Actor, locationId?: string): Promise<RoomDto[]> {
    const rows: RoomRow[] = await this.dataSource.query(
      `SELECT * FROM rooms WHERE organization_id = $1 AND ($2::uuid IS NULL OR location_id = $2) ORDER BY location_id, is_active DESC, name, id`,
      [actor.organizationId, locationId ?? null],
    );
    return rows.map(toRoomDto);
  }

  async createRoom(actor: Actor, input: CreateRoomDto): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      const [location] = await manager.query(`SELECT 1 FROM locations WHERE organization_id = $1 AND id = $2`, [actor.organizationId, input.locationId]);
      if (!location) throw new InvalidFieldError('locationId', 'no such location in this organization');
      const [row]: RoomRow[] = await guardName(() =>
        manager.query(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING *`, [actor.organizationId, input.locationId, input.name.trim()]),
      );
      const dto = toRoomDto(row);
      await this.audit.record(manager, actor, { action: 'room.created', entityType: 'room', entityId: dto.id, changes: changesOf(dto) });
      return dto;
    });
  }

  async updateRoom(actor: Actor, id: string, input: UpdateRoomDto): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      const [before]: RoomRow[] = await manager.query(`SELECT * FROM rooms WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [actor.organizationId, id]);
      if (!before) throw new NotFoundError('Room', id);
      const [[row]]: [RoomRow[]] = await guardName(() =>
        manager.query(
          `UPDATE rooms SET name = coalesce($3, name), is_active = coalesce($4, is_active), updated_at = now() WHERE organization_id = $1 AND id = $2 RETURNING *`,
          [actor.organizationId, id, input.name?.trim() ?? null, input.isActive ?? null],
        ),
      );
      const after = toRoomDto(row);
      await this.audit.record(manager, actor, { action: 'room.updated', entityType: 'room', entityId: id, changes: diff(toRoomDto(before), after) });
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

function changesOf(dto: object) {
  return Object.fromEntries(Object.entries(dto).filter(([k]) => k !== 'id').map(([k, v]) => [k, { to: v }]));
}
function diff<T extends object>(before: T, after: T) {
  return Object.fromEntries(
    Object.keys(after)
      .filter((k) => JSON.stringify(before[k as keyof T]) !== JSON.stringify(after[k as keyof T]))
      .map((k) => [k, { from: before[k as keyof T], to: after[k as keyof T] }]),
  );
}
