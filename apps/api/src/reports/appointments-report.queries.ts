import type { HoursException, WeeklyHours } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { AppointmentGrouping } from './appointments-report.dto';

export interface AppointmentCountsRow {
  key: string;
  label: string;
  booked: number;
  completed: number;
  cancelled: number;
  late_cancelled: number;
  no_shows: number;
  online_booked: number;
  booked_minutes: number;
  /** Per weekday and hour only: the booked minutes in the starting hour and each hour after it (index 0, 1, …). */
  booked_minutes_by_hour: number[] | null;
}

/**
 * Which of scheduling's day counts a grouping sums (each appointment is counted once per dimension), its key and name
 * (null: the service names it). The hour rows hold an appointment's counts in the hour it starts and its minutes in each
 * clock hour they cover, so per weekday and hour a row's minutes are already that cell's.
 */
interface Grouping {
  dimension: 'service' | 'room' | 'hour';
  key: string;
  label: string;
  bookedMinutesByHour?: string;
}
const GROUPING: Record<AppointmentGrouping, Grouping> = {
  practitioner: { dimension: 'hour', key: 'f.practitioner_id::text', label: `COALESCE(st.name, 'Unknown')` },
  service: { dimension: 'service', key: 'f.dimension_id::text', label: 'f.dimension_name' },
  room: { dimension: 'room', key: 'f.dimension_id::text', label: 'f.dimension_name' },
  weekday: { dimension: 'hour', key: `extract(isodow FROM f.local_date)::int::text`, label: 'NULL::text' },
  month: { dimension: 'hour', key: `to_char(f.local_date, 'YYYY-MM')`, label: 'NULL::text' },
  weekdayHour: {
    dimension: 'hour',
    key: `extract(isodow FROM f.local_date)::int || '-' || lpad(f.local_hour::text, 2, '0')`,
    label: 'NULL::text',
    bookedMinutesByHour: 'ARRAY[sum(f.booked_minutes)::float8]',
  },
};

/**
 * Appointments starting on the range's dates in their location's zone, counted per group, from the day counts
 * scheduling keeps as appointments are written (appointment_day_facts): a year is some thousands of day rows, not
 * every appointment.
 */
export async function appointmentCounts(
  db: EntityManager,
  p: { organizationId: string; groupBy: AppointmentGrouping; from: string; to: string; locationId: string | null; practitionerId: string | null },
): Promise<AppointmentCountsRow[]> {
  const g = GROUPING[p.groupBy];
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT ${g.key} AS key, min(${g.label}) AS label,
            sum(f.booked) AS booked, sum(f.completed) AS completed, sum(f.cancelled) AS cancelled, sum(f.late_cancelled) AS late_cancelled,
            sum(f.no_shows) AS no_shows, sum(f.online_booked) AS online_booked, sum(f.booked_minutes) AS booked_minutes,
            ${g.bookedMinutesByHour ?? 'NULL::float8[]'} AS booked_minutes_by_hour
       FROM appointment_day_facts f
       ${p.groupBy === 'practitioner' ? 'LEFT JOIN staff_directory st ON st.organization_id = f.organization_id AND st.id = f.practitioner_id' : ''}
      WHERE f.organization_id = $1 AND f.dimension = '${g.dimension}' AND f.local_date BETWEEN $2::date AND $3::date
        AND ($4::uuid IS NULL OR f.location_id = $4) AND ($5::uuid IS NULL OR f.practitioner_id = $5)
      GROUP BY 1
     HAVING sum(f.booked) > 0 OR sum(f.booked_minutes) > 0
      ORDER BY 2`,
    [p.organizationId, p.from, p.to, p.locationId, p.practitionerId],
  );
  return rows.map((r) => ({
    key: r.key as string,
    label: r.label as string,
    booked: Number(r.booked),
    completed: Number(r.completed),
    cancelled: Number(r.cancelled),
    late_cancelled: Number(r.late_cancelled),
    no_shows: Number(r.no_shows),
    online_booked: Number(r.online_booked),
    booked_minutes: Math.round(Number(r.booked_minutes)),
    booked_minutes_by_hour: r.booked_minutes_by_hour === null ? null : (r.booked_minutes_by_hour as number[]).map(Number),
  }));
}

/** One practitioner's hours at one location: the weekly pattern and the dated exceptions that apply there. */
export interface PractitionerHoursAtLocation {
  staffMemberId: string;
  name: string;
  locationId: string;
  timeZone: string;
  weekly: WeeklyHours[];
  exceptions: HoursException[];
}

/**
 * Every practitioner's hours per location (scheduling's practitioner_weekly_hours and practitioner_hours_exceptions),
 * with the exceptions that overlap the range: time off counts at every location, extra hours only where given.
 */
export async function practitionerHours(
  db: EntityManager,
  p: { organizationId: string; fromInstant: Date; toInstant: Date; locationId: string | null; practitionerId: string | null },
): Promise<PractitionerHoursAtLocation[]> {
  const rows: { staff_member_id: string; name: string; location_id: string; timezone: string; weekly: [number, number, number][] | null; exceptions: [HoursException['kind'], number, number][] | null }[] =
    await db.query(
      `WITH places AS (
         SELECT organization_id, staff_member_id, location_id FROM practitioner_weekly_hours WHERE organization_id = $1
         UNION
         SELECT organization_id, staff_member_id, location_id FROM practitioner_hours_exceptions
          WHERE organization_id = $1 AND kind = 'extra_hours' AND starts_at < $3 AND ends_at > $2
       )
       SELECT pl.staff_member_id, st.name, pl.location_id, l.timezone,
              (SELECT json_agg(json_build_array(w.weekday, w.start_minute, w.end_minute)) FROM practitioner_weekly_hours w
                WHERE w.organization_id = $1 AND w.staff_member_id = pl.staff_member_id AND w.location_id = pl.location_id) AS weekly,
              (SELECT json_agg(json_build_array(e.kind, (extract(epoch FROM e.starts_at) * 1000)::float8, (extract(epoch FROM e.ends_at) * 1000)::float8))
                 FROM practitioner_hours_exceptions e
                WHERE e.organization_id = $1 AND e.staff_member_id = pl.staff_member_id AND e.starts_at < $3 AND e.ends_at > $2
                  AND (e.kind = 'time_off' OR e.location_id = pl.location_id)) AS exceptions
         FROM places pl
         JOIN staff_directory st ON st.organization_id = pl.organization_id AND st.id = pl.staff_member_id
         JOIN location_directory l ON l.organization_id = pl.organization_id AND l.id = pl.location_id
        WHERE ($4::uuid IS NULL OR pl.location_id = $4) AND ($5::uuid IS NULL OR pl.staff_member_id = $5)`,
      [p.organizationId, p.fromInstant, p.toInstant, p.locationId, p.practitionerId],
    );
  return rows.map((r) => ({
    staffMemberId: r.staff_member_id,
    name: r.name,
    locationId: r.location_id,
    timeZone: r.timezone,
    weekly: (r.weekly ?? []).map(([weekday, startMinute, endMinute]) => ({ weekday, startMinute, endMinute })),
    exceptions: (r.exceptions ?? []).map(([kind, start, end]) => ({ kind, start, end })),
  }));
}
