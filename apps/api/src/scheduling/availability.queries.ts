import type { HoursException, LicenceType } from '@skinledger/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceRow } from './catalog.queries';
import { runNamedStatement, type NamedStatement } from '../database/named-query';

/** Instants as epoch milliseconds (JSON numbers: no date parsing per row); floor, as a JavaScript Date truncates. */
const ms = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;
// A live online hold occupies its time like a booking; one past its expiry is free (released at the next booking).
const LIVE = `a.status NOT IN ('cancelled', 'no_show') AND (a.status <> 'held' OR a.hold_expires_at > now())`;
/**
 * Occupied time overlapping [$4, $5) as leakproof comparisons (an index condition under row-level security, which
 * `tstzrange(...) && ...` is not): the same test for an appointment's non-empty range.
 */
const OVERLAPS = `a.starts_at < $5::timestamptz AND a.occupied_until > $4::timestamptz`;

/**
 * Everything availability needs for one search, in ONE statement whatever the number of practitioners or days: the
 * service and the location (time zone, open), who works there (weekly or extra hours there, or the one asked for),
 * their weekly pattern there, exceptions overlapping the window (time off anywhere, extra hours there), licences
 * (staff's practitioner_licences), the location's active rooms, and the occupied time overlapping the window of the
 * location's rooms and of those practitioners anywhere: the location's appointments and the practitioners'
 * appointments elsewhere, both bounded by the window (appointments_location_occupied_idx), so the read follows the
 * window, not the clinic's history. A named statement: parsed once per connection.
 */
const AVAILABILITY_FACTS = `
  WITH people AS (
    SELECT s.id, s.name, s.is_active FROM staff_directory s
     WHERE s.organization_id = $1 AND ($6::uuid[] IS NULL OR s.id = ANY($6::uuid[]))
       AND ($6::uuid[] IS NOT NULL
         OR EXISTS (SELECT 1 FROM working_hours w WHERE w.organization_id = $1 AND w.staff_member_id = s.id AND w.location_id = $2)
         OR EXISTS (SELECT 1 FROM working_hours_exceptions e WHERE e.organization_id = $1 AND e.staff_member_id = s.id AND e.location_id = $2 AND e.kind = 'extra_hours'))
  ), occupied AS (
    SELECT a.practitioner_id, a.room_id, a.starts_at, a.occupied_until FROM appointments a
     WHERE a.organization_id = $1 AND a.location_id = $2 AND ${LIVE} AND ${OVERLAPS} AND ($7::uuid IS NULL OR a.id <> $7)
    UNION ALL
    SELECT a.practitioner_id, NULL, a.starts_at, a.occupied_until FROM people p
      JOIN LATERAL (SELECT a.practitioner_id, a.starts_at, a.occupied_until FROM appointments a
                     WHERE a.organization_id = $1 AND a.practitioner_id = p.id AND ${LIVE} AND ${OVERLAPS}
                       AND a.location_id <> $2 AND ($7::uuid IS NULL OR a.id <> $7)) a ON true
  )
  SELECT
    (SELECT json_build_object('timezone', l.timezone, 'isActive', l.is_active) FROM location_directory l WHERE l.organization_id = $1 AND l.id = $2) AS location,
    (SELECT json_build_object('id', v.id, 'name', v.name, 'duration_min', v.duration_min, 'buffer_min', v.buffer_min, 'procedure_kind', v.procedure_kind,
                              'consent_kinds', v.consent_kinds, 'min_days_since_previous_medical', v.min_days_since_previous_medical, 'is_active', v.is_active,
                              'online_booking', v.online_booking, 'description', v.description)
       FROM services v WHERE v.organization_id = $1 AND v.id = $3) AS service,
    (SELECT json_agg(json_build_array(p.id, p.name, p.is_active) ORDER BY p.name, p.id) FROM people p) AS people,
    (SELECT json_agg(json_build_array(w.staff_member_id, w.weekday, w.start_minute, w.end_minute))
       FROM working_hours w WHERE w.organization_id = $1 AND w.location_id = $2 AND w.staff_member_id IN (SELECT id FROM people)) AS weekly,
    (SELECT json_agg(json_build_array(e.staff_member_id, e.kind, ${ms('e.starts_at')}, ${ms('e.ends_at')}))
       FROM working_hours_exceptions e
      WHERE e.organization_id = $1 AND e.staff_member_id IN (SELECT id FROM people) AND e.starts_at < $5::timestamptz AND e.ends_at > $4::timestamptz
        AND (e.kind = 'time_off' OR e.location_id = $2)) AS exceptions,
    (SELECT json_agg(json_build_array(c.staff_member_id, c.licence_type, to_char(c.expires_on, 'YYYY-MM-DD')))
       FROM practitioner_licences c WHERE c.organization_id = $1 AND c.staff_member_id IN (SELECT id FROM people)) AS licences,
    (SELECT json_agg(json_build_array(r.id, r.name) ORDER BY r.name, r.id) FROM rooms r WHERE r.organization_id = $1 AND r.location_id = $2 AND r.is_active) AS rooms,
    (SELECT json_agg(json_build_array(o.practitioner_id, o.room_id, ${ms('o.starts_at')}, ${ms('o.occupied_until')})) FROM occupied o) AS occupied`;

export interface AvailabilityFactsRow {
  location: { timezone: string; isActive: boolean } | null;
  service: ServiceRow | null;
  /** [id, name, is_active], by name then id. */
  people: [string, string, boolean][] | null;
  /** [staff_member_id, weekday, start_minute, end_minute] */
  weekly: [string, number, number, number][] | null;
  /** [staff_member_id, kind, starts at (ms), ends at (ms)] */
  exceptions: [string, HoursException['kind'], number, number][] | null;
  /** [staff_member_id, licence_type, expires_on] */
  licences: [string, LicenceType, string][] | null;
  /** [id, name], by name then id. */
  rooms: [string, string][] | null;
  /** [practitioner_id, room_id (null: at another location), starts at (ms), occupied until (ms)] */
  occupied: [string, string | null, number, number][] | null;
}

export interface AvailabilityFactsQuery {
  organizationId: string;
  locationId: string;
  /** Null: the caller has the service already. */
  serviceId: string | null;
  from: Date;
  to: Date;
  /** Null: everyone working at the location. */
  practitionerIds: string[] | null;
  excludeAppointmentId: string | null;
}

/** The statement itself (the benchmark explains it). */
export function availabilityFactsStatement(q: AvailabilityFactsQuery): NamedStatement {
  return {
    name: 'scheduling.availability_facts.v2',
    text: AVAILABILITY_FACTS,
    values: [q.organizationId, q.locationId, q.serviceId, q.from, q.to, q.practitionerIds, q.excludeAppointmentId],
  };
}

export async function loadAvailabilityFacts(db: DataSource | EntityManager, q: AvailabilityFactsQuery): Promise<AvailabilityFactsRow> {
  const [row] = await runNamedStatement<AvailabilityFactsRow>(db, availabilityFactsStatement(q));
  return row;
}
