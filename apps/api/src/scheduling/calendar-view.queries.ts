import { PRACTITIONER_ROLES, type HoursException, type LicenceType, type StaffRole } from '@skinledger/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppointmentRow } from './appointment-views';
import { APPOINTMENT_SELECT } from './appointments.queries';
import type { RoomRow } from './catalog.queries';
import { runNamedStatement } from '../database/named-query';

export interface CalendarPractitionerRow {
  id: string;
  name: string;
  role: StaffRole;
  is_active: boolean;
  weekly: { weekday: number; startMinute: number; endMinute: number }[];
  exceptions: { kind: HoursException['kind']; startsAt: string; endsAt: string; reason: string }[];
  credentials: { licenceType: LicenceType; expiresOn: string }[];
}

/**
 * Appointments overlapping [$3, $4). `occupied_until > $3` follows from `ends_at > $3`; said too, it lets
 * appointments_location_occupied_idx bound both ends of the scan (leakproof comparisons, usable under row-level security).
 */
const IN_WINDOW = `a.ends_at > $3 AND a.starts_at < $4 AND a.occupied_until > $3`;

/**
 * The calendar's first paint in ONE statement, whatever the number of practitioners or days:
 *  - the location's time zone (null: no such location in the organization);
 *  - the columns: active practitioners with weekly or extra hours at the location, and anyone holding an appointment
 *    there in [from, to), each with the weekly pattern there, the exceptions overlapping the window (time off
 *    anywhere, extra hours there) and the licences (staff's published practitioner_licences), by name;
 *  - the location's rooms, in use first;
 *  - the appointments at the location overlapping the window, every status, by start (at most 2,000);
 *  - the live online holds there (issue 16): busy time without a patient yet, until they expire.
 * A named statement: parsed once per connection.
 */
const CALENDAR = `
  SELECT
    (SELECT l.timezone FROM location_directory l WHERE l.organization_id = $1 AND l.id = $2) AS timezone,
    (SELECT json_agg(x ORDER BY x.name, x.id) FROM (
       SELECT s.id, s.name, s.role, s.is_active,
              COALESCE((SELECT json_agg(json_build_object('weekday', w.weekday, 'startMinute', w.start_minute, 'endMinute', w.end_minute))
                          FROM working_hours w WHERE w.organization_id = $1 AND w.location_id = $2 AND w.staff_member_id = s.id), '[]') AS weekly,
              COALESCE((SELECT json_agg(json_build_object('kind', e.kind, 'startsAt', e.starts_at, 'endsAt', e.ends_at, 'reason', e.reason) ORDER BY e.starts_at)
                          FROM working_hours_exceptions e
                         WHERE e.organization_id = $1 AND e.staff_member_id = s.id AND e.starts_at < $4 AND e.ends_at > $3
                           AND (e.kind = 'time_off' OR e.location_id = $2)), '[]') AS exceptions,
              COALESCE((SELECT json_agg(json_build_object('licenceType', c.licence_type, 'expiresOn', to_char(c.expires_on, 'YYYY-MM-DD')))
                          FROM practitioner_licences c WHERE c.organization_id = $1 AND c.staff_member_id = s.id), '[]') AS credentials
         FROM staff_directory s
        WHERE s.organization_id = $1
          AND ((s.is_active AND s.role = ANY($5::text[])
                AND (EXISTS (SELECT 1 FROM working_hours w WHERE w.organization_id = $1 AND w.location_id = $2 AND w.staff_member_id = s.id)
                  OR EXISTS (SELECT 1 FROM working_hours_exceptions e WHERE e.organization_id = $1 AND e.location_id = $2 AND e.staff_member_id = s.id
                               AND e.kind = 'extra_hours' AND e.starts_at < $4 AND e.ends_at > $3)))
            OR EXISTS (SELECT 1 FROM appointments a WHERE a.organization_id = $1 AND a.location_id = $2 AND a.practitioner_id = s.id AND ${IN_WINDOW}))
     ) x) AS practitioners,
    (SELECT json_agg(json_build_object('id', r.id, 'location_id', r.location_id, 'name', r.name, 'is_active', r.is_active) ORDER BY r.is_active DESC, r.name, r.id)
       FROM rooms r WHERE r.organization_id = $1 AND r.location_id = $2) AS rooms,
    (SELECT json_agg(q ORDER BY q.starts_at, q.id) FROM (
       ${APPOINTMENT_SELECT}
       WHERE a.organization_id = $1 AND a.location_id = $2 AND ${IN_WINDOW}
       ORDER BY a.starts_at, a.id LIMIT 2000
     ) q) AS appointments,
    (SELECT json_agg(json_build_object('id', a.id, 'practitionerId', a.practitioner_id, 'roomId', a.room_id, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
                                       'occupiedUntil', a.occupied_until, 'expiresAt', a.hold_expires_at) ORDER BY a.starts_at, a.id)
       FROM appointments a
      WHERE a.organization_id = $1 AND a.location_id = $2 AND ${IN_WINDOW} AND a.status = 'held' AND a.hold_expires_at > now()) AS holds`;

type JsonAppointment = Omit<AppointmentRow, 'starts_at' | 'ends_at' | 'occupied_until'> & { starts_at: string; ends_at: string; occupied_until: string };

export interface CalendarRows {
  /** Null when the organization has no such location. */
  timezone: string | null;
  practitioners: CalendarPractitionerRow[];
  rooms: RoomRow[];
  appointments: AppointmentRow[];
  holds: CalendarHoldRow[];
}

/** A live online hold: instants as JSON text. */
export interface CalendarHoldRow {
  id: string;
  practitionerId: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
  occupiedUntil: string;
  expiresAt: string;
}

export async function loadCalendar(db: DataSource | EntityManager, q: { organizationId: string; locationId: string; from: Date; to: Date }): Promise<CalendarRows> {
  const [row] = await runNamedStatement<{ timezone: string | null; practitioners: CalendarPractitionerRow[] | null; rooms: RoomRow[] | null; appointments: JsonAppointment[] | null; holds: CalendarHoldRow[] | null }>(db, {
    name: 'scheduling.calendar.v2',
    text: CALENDAR,
    values: [q.organizationId, q.locationId, q.from, q.to, PRACTITIONER_ROLES],
  });
  return {
    timezone: row.timezone,
    practitioners: row.practitioners ?? [],
    rooms: row.rooms ?? [],
    // JSON carries instants as text; the appointment view wants dates, as node-postgres gives them.
    appointments: (row.appointments ?? []).map((a) => ({ ...a, starts_at: new Date(a.starts_at), ends_at: new Date(a.ends_at), occupied_until: new Date(a.occupied_until) })),
    holds: row.holds ?? [],
  };
}
