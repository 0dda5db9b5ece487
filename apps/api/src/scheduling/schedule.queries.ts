import {
  mergeIntervals,
  workingIntervals,
  type HoursException,
  type Interval,
  type LicenceType,
  type PractitionerCredential,
  type WeeklyHours,
} from '@skinledger/domain';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'> & { queryRunner?: unknown };

/** In parallel on the pool; one after another on a transaction's single connection. */
async function all<T extends readonly unknown[]>(db: Queryable, queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (db.queryRunner) {
    const results: unknown[] = [];
    for (const q of queries) results.push(await q());
    return results as unknown as T;
  }
  return Promise.all(queries.map((q) => q())) as unknown as Promise<T>;
}

// A live online hold occupies its time like a booking; one past its expiry is free (released at the next booking).
const LIVE = `status NOT IN ('cancelled', 'no_show') AND (status <> 'held' OR hold_expires_at > now())`;

export interface PractitionerFacts {
  id: string;
  name: string;
  active: boolean;
  credentials: PractitionerCredential[];
  /** Working time at the location in the window: pattern + extra hours − time off. */
  working: Interval[];
  timeOff: Interval[];
  /** Occupied time (appointments incl. buffer) anywhere, merged. */
  busy: Interval[];
}

/**
 * What availability and the booking rules need about practitioners at a location in [from, to): four set-based
 * queries (pattern, exceptions, credentials, appointments) whatever the number of practitioners. The gist indexes
 * behind the exclusion constraints serve the appointment lookups. Names and licences come from staff's published
 * staff_directory and practitioner_licences.
 */
export async function loadPractitionerFacts(
  db: Queryable,
  q: { organizationId: string; locationId: string; timeZone: string; from: Date; to: Date; practitionerIds?: string[]; excludeAppointmentId?: string },
): Promise<PractitionerFacts[]> {
  const people: { id: string; name: string; is_active: boolean }[] = await db.query(
    `SELECT s.id, s.name, s.is_active FROM staff_directory s
     WHERE s.organization_id = $1 AND ($3::uuid[] IS NULL OR s.id = ANY($3))
       AND (EXISTS (SELECT 1 FROM working_hours w WHERE w.organization_id = $1 AND w.staff_member_id = s.id AND w.location_id = $2)
         OR EXISTS (SELECT 1 FROM working_hours_exceptions e WHERE e.organization_id = $1 AND e.staff_member_id = s.id AND e.location_id = $2 AND e.kind = 'extra_hours')
         OR $3::uuid[] IS NOT NULL)
     ORDER BY s.name, s.id`,
    [q.organizationId, q.locationId, q.practitionerIds ?? null],
  );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [weekly, exceptions, credentials, busy] = await all(db, [
    () => db.query(
      `SELECT staff_member_id, weekday, start_minute, end_minute FROM working_hours WHERE organization_id = $1 AND location_id = $2 AND staff_member_id = ANY($3)`,
      [q.organizationId, q.locationId, ids],
    ) as Promise<{ staff_member_id: string; weekday: number; start_minute: number; end_minute: number }[]>,
    () => db.query(
      `SELECT staff_member_id, kind, starts_at, ends_at FROM working_hours_exceptions
       WHERE organization_id = $1 AND staff_member_id = ANY($3) AND starts_at < $5 AND ends_at > $4 AND (kind = 'time_off' OR location_id = $2)`,
      [q.organizationId, q.locationId, ids, q.from, q.to],
    ) as Promise<{ staff_member_id: string; kind: HoursException['kind']; starts_at: Date; ends_at: Date }[]>,
    () => db.query(`SELECT staff_member_id, licence_type, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM practitioner_licences WHERE organization_id = $1 AND staff_member_id = ANY($2)`, [
      q.organizationId,
      ids,
    ]) as Promise<{ staff_member_id: string; licence_type: LicenceType; expires_on: string }[]>,
    () => db.query(
      `SELECT practitioner_id, starts_at, occupied_until FROM appointments
       WHERE organization_id = $1 AND practitioner_id = ANY($2) AND ${LIVE}
         AND tstzrange(starts_at, occupied_until) && tstzrange($3, $4) AND ($5::uuid IS NULL OR id <> $5)`,
      [q.organizationId, ids, q.from, q.to, q.excludeAppointmentId ?? null],
    ) as Promise<{ practitioner_id: string; starts_at: Date; occupied_until: Date }[]>,
  ]);
  return people.map((p) => {
    const own = exceptions.filter((e) => e.staff_member_id === p.id).map((e) => ({ kind: e.kind, start: e.starts_at.getTime(), end: e.ends_at.getTime() }));
    return {
      id: p.id,
      name: p.name,
      active: p.is_active,
      credentials: credentials.filter((c) => c.staff_member_id === p.id).map((c) => ({ licenceType: c.licence_type, expiresOn: c.expires_on })),
      working: workingIntervals({
        weekly: weekly.filter((w) => w.staff_member_id === p.id).map((w): WeeklyHours => ({ weekday: w.weekday, startMinute: w.start_minute, endMinute: w.end_minute })),
        exceptions: own,
        timeZone: q.timeZone,
        from: q.from.getTime(),
        to: q.to.getTime(),
      }),
      timeOff: mergeIntervals(own.filter((e) => e.kind === 'time_off')),
      busy: mergeIntervals(busy.filter((b) => b.practitioner_id === p.id).map((b) => ({ start: b.starts_at.getTime(), end: b.occupied_until.getTime() }))),
    };
  });
}
