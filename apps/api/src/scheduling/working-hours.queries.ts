import type { EntityManager } from 'typeorm';
import { practitionerHoursLockKey } from './booking.queries';

type Db = Pick<EntityManager, 'query'>;

/**
 * Holds the practitioner's hours and time off exclusively for the rest of the transaction (a booking check holds
 * them shared, so they stay still while it is checked); false when there is no such staff member.
 */
export async function lockPractitionerHours(manager: EntityManager, organizationId: string, staffMemberId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($3, 6)) FROM staff_directory WHERE organization_id = $1 AND id = $2`, [
    organizationId,
    staffMemberId,
    practitionerHoursLockKey(staffMemberId),
  ]);
  return rows.length > 0;
}

/** Replaces the weekly pattern at a location; overlapping blocks on a weekday (here or elsewhere) break working_hours_no_overlap: 409. */
export async function replaceWeeklyHours(
  manager: EntityManager,
  organizationId: string,
  staffMemberId: string,
  locationId: string,
  blocks: readonly { weekday: number; start: number; end: number }[],
): Promise<void> {
  await manager.query(`DELETE FROM working_hours WHERE organization_id = $1 AND staff_member_id = $2 AND location_id = $3`, [organizationId, staffMemberId, locationId]);
  if (blocks.length === 0) return;
  await manager.query(
    `INSERT INTO working_hours (organization_id, staff_member_id, location_id, weekday, start_minute, end_minute)
     SELECT $1, $2, $3, b.weekday, b.start_minute, b.end_minute
     FROM unnest($4::smallint[], $5::smallint[], $6::smallint[]) AS b(weekday, start_minute, end_minute)`,
    [organizationId, staffMemberId, locationId, blocks.map((b) => b.weekday), blocks.map((b) => b.start), blocks.map((b) => b.end)],
  );
}

export interface HoursExceptionRow {
  id: string;
  kind: string;
  location_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: string;
}

export async function insertHoursException(
  manager: EntityManager,
  e: { organizationId: string; staffMemberId: string; kind: string; locationId: string | null; startsAt: string; endsAt: string; reason: string; createdBy: string },
): Promise<HoursExceptionRow> {
  const [row] = await manager.query(
    `INSERT INTO working_hours_exceptions (organization_id, staff_member_id, kind, location_id, starts_at, ends_at, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [e.organizationId, e.staffMemberId, e.kind, e.locationId, e.startsAt, e.endsAt, e.reason, e.createdBy],
  );
  return row;
}

export async function deleteHoursException(manager: EntityManager, organizationId: string, staffMemberId: string, id: string): Promise<HoursExceptionRow | undefined> {
  const [[row]]: [HoursExceptionRow[]] = await manager.query(
    `DELETE FROM working_hours_exceptions WHERE organization_id = $1 AND staff_member_id = $2 AND id = $3 RETURNING *`,
    [organizationId, staffMemberId, id],
  );
  return row;
}

export async function weeklyHours(db: Db, organizationId: string, staffMemberId: string): Promise<{ location_id: string; weekday: number; start_minute: number; end_minute: number }[]> {
  return db.query(
    `SELECT location_id, weekday, start_minute, end_minute FROM working_hours WHERE organization_id = $1 AND staff_member_id = $2
     ORDER BY location_id, weekday, start_minute`,
    [organizationId, staffMemberId],
  );
}

/** Exceptions not over more than 30 days ago. */
export async function recentHoursExceptions(db: Db, organizationId: string, staffMemberId: string): Promise<HoursExceptionRow[]> {
  return db.query(
    `SELECT * FROM working_hours_exceptions WHERE organization_id = $1 AND staff_member_id = $2 AND ends_at > now() - interval '30 days'
     ORDER BY starts_at, id`,
    [organizationId, staffMemberId],
  );
}

/**
 * A staff member's weekly hours and recent exceptions (as weeklyHours and recentHoursExceptions answer them), or null
 * when the organization has no such staff member: one statement (issue 15).
 */
export async function hoursOfKnownStaff(
  db: Db,
  organizationId: string,
  staffMemberId: string,
): Promise<{ blocks: Awaited<ReturnType<typeof weeklyHours>>; exceptions: HoursExceptionRow[] } | null> {
  const [row]: { staff_found: boolean; blocks: Awaited<ReturnType<typeof weeklyHours>>; exceptions: (Omit<HoursExceptionRow, 'starts_at' | 'ends_at'> & { starts_at: string; ends_at: string })[] }[] =
    await db.query(
      `SELECT EXISTS (SELECT 1 FROM staff_directory WHERE organization_id = $1 AND id = $2) AS staff_found,
              coalesce((SELECT json_agg(json_build_object('location_id', location_id, 'weekday', weekday, 'start_minute', start_minute, 'end_minute', end_minute)
                                        ORDER BY location_id, weekday, start_minute)
                        FROM working_hours WHERE organization_id = $1 AND staff_member_id = $2), '[]'::json) AS blocks,
              coalesce((SELECT json_agg(e ORDER BY e.starts_at, e.id)
                        FROM working_hours_exceptions e WHERE e.organization_id = $1 AND e.staff_member_id = $2 AND e.ends_at > now() - interval '30 days'), '[]'::json) AS exceptions`,
      [organizationId, staffMemberId],
    );
  if (!row.staff_found) return null;
  return { blocks: row.blocks, exceptions: row.exceptions.map((e) => ({ ...e, starts_at: new Date(e.starts_at), ends_at: new Date(e.ends_at) })) };
}
