import { PRACTITIONER_ROLES, type HoursException, type LicenceType, type StaffRole } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

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
 * The calendar's columns in one statement: active practitioners with weekly or extra hours at the location, and
 * anyone holding an appointment there in [from, to), each with the weekly pattern there, the exceptions overlapping
 * the window (time off anywhere, extra hours there) and the licences (staff's published practitioner_licences).
 */
export async function calendarPractitioners(db: Db, q: { organizationId: string; locationId: string; from: Date; to: Date }): Promise<CalendarPractitionerRow[]> {
  return db.query(
    `SELECT s.id, s.name, s.role, s.is_active,
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
          OR EXISTS (SELECT 1 FROM appointments a WHERE a.organization_id = $1 AND a.location_id = $2 AND a.practitioner_id = s.id
                       AND a.starts_at < $4 AND a.ends_at > $3))
      ORDER BY s.name, s.id`,
    [q.organizationId, q.locationId, q.from, q.to, PRACTITIONER_ROLES],
  );
}
