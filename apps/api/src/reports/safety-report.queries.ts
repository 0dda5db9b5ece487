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
 * lot and pen, in one statement over treatments' course_session_facts and adverse_event_facts and inventory's
 * session_cartridge_uses and device_directory.
 */
export async function safetyFacts(db: EntityManager, f: SafetyFilters): Promise<SafetyFactsRow> {
  const [row]: SafetyFactsRow[] = await db.query(
    `WITH s AS (
       SELECT session_id, max_depth_mm, device_id FROM course_session_facts
        WHERE organization_id = $1 AND performed_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR location_id = $4) AND ($5::uuid IS NULL OR practitioner_id = $5)
     ), e AS (
       SELECT a.adverse_event_id, a.type, a.session_id FROM adverse_event_facts a JOIN s USING (session_id) WHERE a.organization_id = $1
     ), per_session AS (
       SELECT s.session_id, s.max_depth_mm, s.device_id, count(e.adverse_event_id)::int AS events FROM s LEFT JOIN e USING (session_id) GROUP BY 1, 2, 3
     ), session_lots AS (
       SELECT DISTINCT u.treatment_session_id AS session_id, u.lot_id, u.lot_number || ' · ' || u.product_name AS label
         FROM session_cartridge_uses u JOIN s ON s.session_id = u.treatment_session_id WHERE u.organization_id = $1
     )
     SELECT (SELECT count(*)::int FROM s) AS sessions,
            (SELECT count(*)::int FROM e) AS adverse_events,
            (SELECT json_agg(json_build_array(type, type, (SELECT count(*) FROM s), n) ORDER BY n DESC, type)
               FROM (SELECT type, count(*)::int AS n FROM e GROUP BY type) t) AS by_type,
            (SELECT json_agg(json_build_array(d::text, d::text, n, ev))
               FROM (SELECT max_depth_mm AS d, count(*)::int AS n, sum(events)::int AS ev FROM per_session GROUP BY 1) t) AS by_depth,
            (SELECT json_agg(json_build_array(lot_id, label, n, ev) ORDER BY ev DESC, label)
               FROM (SELECT l.lot_id, min(l.label) AS label, count(*)::int AS n, sum(p.events)::int AS ev
                       FROM session_lots l JOIN per_session p USING (session_id) GROUP BY l.lot_id) t) AS by_lot,
            (SELECT json_agg(json_build_array(device_id, label, n, ev) ORDER BY ev DESC, label)
               FROM (SELECT p.device_id, min(dd.model || ' ' || dd.serial_number) AS label, count(*)::int AS n, sum(p.events)::int AS ev
                       FROM per_session p JOIN device_directory dd ON dd.organization_id = $1 AND dd.id = p.device_id GROUP BY p.device_id) t) AS by_device`,
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
