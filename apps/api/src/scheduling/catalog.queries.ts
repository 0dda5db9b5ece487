import type { EntityManager } from 'typeorm';
import type { ServiceDto } from './catalog.dto';

type Db = Pick<EntityManager, 'query'>;

export interface ServiceRow {
  id: string;
  name: string;
  duration_min: number;
  buffer_min: number;
  procedure_kind: ServiceDto['procedureKind'];
  consent_kinds: string[];
  min_days_since_previous_medical: number;
  is_active: boolean;
  online_booking: ServiceDto['onlineBooking'];
  description: string;
}

export interface RoomRow {
  id: string;
  location_id: string;
  name: string;
  is_active: boolean;
}

export async function listServiceRows(db: Db, organizationId: string): Promise<ServiceRow[]> {
  return db.query(`SELECT * FROM services WHERE organization_id = $1 ORDER BY is_active DESC, name, id`, [organizationId]);
}

export async function serviceRow(db: Db, organizationId: string, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.query(`SELECT * FROM services WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  return row;
}

export interface ServiceValues {
  name: string;
  durationMin: number;
  bufferMin: number;
  procedureKind: ServiceDto['procedureKind'];
  consentKinds: string[];
  minDaysBetweenMedicalSessions: number;
  onlineBooking: ServiceDto['onlineBooking'];
  description: string;
}

/** services_name_unique refuses a second service of the same name (any case). */
export async function insertService(manager: EntityManager, organizationId: string, v: ServiceValues): Promise<ServiceRow> {
  const [row] = await manager.query(
    `INSERT INTO services (organization_id, name, duration_min, buffer_min, procedure_kind, consent_kinds, min_days_since_previous_medical, online_booking, description)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [organizationId, v.name, v.durationMin, v.bufferMin, v.procedureKind, v.consentKinds, v.minDaysBetweenMedicalSessions, v.onlineBooking, v.description],
  );
  return row;
}

/** Changes the given fields (null: unchanged); the procedure kind never changes. */
export async function updateServiceRow(
  manager: EntityManager,
  organizationId: string,
  id: string,
  v: { [K in Exclude<keyof ServiceValues, 'procedureKind'>]: ServiceValues[K] | null } & { isActive: boolean | null },
): Promise<ServiceRow> {
  const [[row]]: [ServiceRow[]] = await manager.query(
    `UPDATE services SET name = coalesce($3, name), duration_min = coalesce($4, duration_min), buffer_min = coalesce($5, buffer_min),
            consent_kinds = coalesce($6, consent_kinds), min_days_since_previous_medical = coalesce($7, min_days_since_previous_medical),
            is_active = coalesce($8, is_active), online_booking = coalesce($9, online_booking), description = coalesce($10, description), updated_at = now()
     WHERE organization_id = $1 AND id = $2 RETURNING *`,
    [organizationId, id, v.name, v.durationMin, v.bufferMin, v.consentKinds, v.minDaysBetweenMedicalSessions, v.isActive, v.onlineBooking, v.description],
  );
  return row;
}

export async function listRoomRows(db: Db, organizationId: string, locationId: string | null): Promise<RoomRow[]> {
  return db.query(`SELECT * FROM rooms WHERE organization_id = $1 AND ($2::uuid IS NULL OR location_id = $2) ORDER BY location_id, is_active DESC, name, id`, [
    organizationId,
    locationId,
  ]);
}

export async function lockRoomRow(manager: EntityManager, organizationId: string, id: string): Promise<RoomRow | undefined> {
  const [row] = await manager.query(`SELECT * FROM rooms WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [organizationId, id]);
  return row;
}

/** rooms_name_unique refuses a second room of the same name at a location (any case). */
export async function insertRoom(manager: EntityManager, organizationId: string, locationId: string, name: string): Promise<RoomRow> {
  const [row] = await manager.query(`INSERT INTO rooms (organization_id, location_id, name) VALUES ($1, $2, $3) RETURNING *`, [organizationId, locationId, name]);
  return row;
}

export async function updateRoomRow(manager: EntityManager, organizationId: string, id: string, v: { name: string | null; isActive: boolean | null }): Promise<RoomRow> {
  const [[row]]: [RoomRow[]] = await manager.query(
    `UPDATE rooms SET name = coalesce($3, name), is_active = coalesce($4, is_active), updated_at = now() WHERE organization_id = $1 AND id = $2 RETURNING *`,
    [organizationId, id, v.name, v.isActive],
  );
  return row;
}
