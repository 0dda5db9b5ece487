import type { EntityManager } from 'typeorm';

export interface SafetyFilters {
  organizationId: string;
  from: string;
  to: string;
  locationId: string | null;
  practitionerId: string | null;
}

type Count = [string, string, number, number];

export interface SafetyFactsRow {
  sessions: number;
  adverse_events: number;
  /** [type, type, sessions (all), events] */
  by_type: Count[] | null;
  /** [deepest depth mm as text, same, sessions, events] */
  by_depth: Count[] | null;
  /** [lot id, lot number · product, sessions, events] */
  by_lot: Count[] | null;
  /** [pen id, model serial, sessions, events] */
  by_device: Count[] | null;
}

/**
 * Signed sessions performed on the range's dates and the adverse events after them, counted by type, deepest depth,
 * lot and pen, in one statement: the sessions from treatments' signed_session_day_facts (a covering index: a year is
 * read from the index alone, grouped once), sessions per lot from the per-day lot counts treatments keeps at signing
 * (signed_session_lot_facts), the events (a few per hundred sessions) from adverse_event_facts with their sessions'
 * lots from inventory's session_cartridge_uses, and lot and pen names from inventory's lot_directory and device_directory.
 */
export async function safetyFacts(db: EntityManager, f: SafetyFilters): Promise<SafetyFactsRow> {
  const [row]: SafetyFactsRow[] = await db.query(
    `WITH counts AS (
       SELECT max_depth_mm, device_id, GROUPING(max_depth_mm, device_id) AS level, count(*)::int AS n
         FROM signed_session_day_facts
        WHERE organization_id = $1 AND performed_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR location_id = $4) AND ($5::uuid IS NULL OR practitioner_id = $5)
        GROUP BY GROUPING SETS ((max_depth_mm), (device_id), ())
     ), e AS (
       SELECT a.adverse_event_id, a.type, a.session_id, a.max_depth_mm, a.device_id
         FROM adverse_event_facts a
        WHERE a.organization_id = $1 AND a.performed_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR a.location_id = $4) AND ($5::uuid IS NULL OR a.practitioner_id = $5)
     ), lot_sessions AS (
       SELECT lot_id, sum(sessions)::int AS n FROM signed_session_lot_facts
        WHERE organization_id = $1 AND performed_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR location_id = $4) AND ($5::uuid IS NULL OR practitioner_id = $5)
        GROUP BY 1
     ), lot_events AS (
       SELECT l.lot_id, count(DISTINCT e.adverse_event_id)::int AS ev
         FROM e JOIN session_cartridge_uses l ON l.organization_id = $1 AND l.treatment_session_id = e.session_id GROUP BY 1
     )
     SELECT COALESCE((SELECT n FROM counts WHERE level = 3), 0) AS sessions,
            (SELECT count(*)::int FROM e) AS adverse_events,
            (SELECT json_agg(json_build_array(type, type, COALESCE((SELECT n FROM counts WHERE level = 3), 0), n) ORDER BY n DESC, type)
               FROM (SELECT type, count(*)::int AS n FROM e GROUP BY type) t) AS by_type,
            (SELECT json_agg(json_build_array(c.max_depth_mm::text, c.max_depth_mm::text, c.n, COALESCE(ev.n, 0)))
               FROM counts c LEFT JOIN (SELECT max_depth_mm, count(*)::int AS n FROM e GROUP BY 1) ev ON ev.max_depth_mm = c.max_depth_mm
              WHERE c.level = 1) AS by_depth,
            (SELECT json_agg(json_build_array(ls.lot_id, ld.lot_number || ' · ' || ld.product_name, ls.n, COALESCE(le.ev, 0))
                             ORDER BY COALESCE(le.ev, 0) DESC, ld.lot_number || ' · ' || ld.product_name)
               FROM lot_sessions ls JOIN lot_directory ld ON ld.organization_id = $1 AND ld.id = ls.lot_id
               LEFT JOIN lot_events le USING (lot_id)) AS by_lot,
            (SELECT json_agg(json_build_array(c.device_id, dd.model || ' ' || dd.serial_number, c.n, COALESCE(ev.n, 0)) ORDER BY COALESCE(ev.n, 0) DESC, dd.model || ' ' || dd.serial_number)
               FROM counts c JOIN device_directory dd ON dd.organization_id = $1 AND dd.id = c.device_id
               LEFT JOIN (SELECT device_id, count(*)::int AS n FROM e GROUP BY 1) ev ON ev.device_id = c.device_id
              WHERE c.level = 2) AS by_device`,
    [f.organizationId, f.from, f.to, f.locationId, f.practitionerId],
  );
  return row;
}

export interface OverridesAndRefusalsRow {
  refusals: number;
  /** [code, refusals] */
  refusals_by_reason: [string, number][] | null;
  override_count: number;
  /** [kind, session id, performed on, practitioner, subject, depth mm, reason], latest first */
  overrides: [string, string, string, string, string, number | null, string][] | null;
}

/** Refused starts on the range's dates (in the location's zone) by reason, and the overrides of signed sessions. */
export async function overridesAndRefusals(db: EntityManager, f: SafetyFilters, overrideLimit: number): Promise<OverridesAndRefusalsRow> {
  const [row]: OverridesAndRefusalsRow[] = await db.query(
    `WITH r AS (
       SELECT r.codes FROM preflight_refusal_facts r
         JOIN location_directory l ON l.organization_id = r.organization_id AND l.id = r.location_id
        WHERE r.organization_id = $1 AND r.refused_at >= $2::date - 1 AND r.refused_at < $3::date + 2
          AND (r.refused_at AT TIME ZONE l.timezone)::date BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR r.location_id = $4) AND ($5::uuid IS NULL OR r.practitioner_id = $5)
     ), o AS (
       SELECT o.kind, o.session_id, o.performed_on, COALESCE(st.name, 'Unknown') AS practitioner, o.subject, o.depth_mm, o.reason
         FROM treatment_override_facts o
         LEFT JOIN staff_directory st ON st.organization_id = o.organization_id AND st.id = o.practitioner_id
        WHERE o.organization_id = $1 AND o.performed_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR o.location_id = $4) AND ($5::uuid IS NULL OR o.practitioner_id = $5)
     )
     SELECT (SELECT count(*)::int FROM r) AS refusals,
            (SELECT json_agg(json_build_array(code, n) ORDER BY n DESC, code)
               FROM (SELECT code, count(*)::int AS n FROM r CROSS JOIN LATERAL unnest(r.codes) code GROUP BY code) t) AS refusals_by_reason,
            (SELECT count(*)::int FROM o) AS override_count,
            (SELECT json_agg(json_build_array(kind, session_id, performed_on::text, practitioner, subject, depth_mm, reason) ORDER BY performed_on DESC, session_id, subject)
               FROM (SELECT * FROM o ORDER BY performed_on DESC, session_id, subject LIMIT $6) t) AS overrides`,
    [f.organizationId, f.from, f.to, f.locationId, f.practitionerId, overrideLimit],
  );
  return row;
}
