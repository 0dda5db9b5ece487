import { WASTE_REASONS } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { CartridgeGrouping } from './cartridges.dto';
import { clinicTodaySql } from './clinic-today.sql';

export interface CartridgeRow {
  key: string;
  label: string;
  received: number;
  used: number;
  wasted: number;
  wasted_by_reason: Record<string, number>;
  expired_unused: number;
  on_hand: number;
  sessions: number;
}

/**
 * How each grouping keys and names a ledger row, and what it adds to the WHERE and HAVING clauses. The practitioner
 * is the session's for a use, the recorder's for waste; a month is the calendar month a movement happened in, and
 * only the range's months are rows (the service adds the empty ones).
 */
interface Grouping {
  key: string;
  label: string;
  where?: string;
  having?: string;
}
const GROUPING: Record<CartridgeGrouping, Grouping> = {
  product: { key: 'f.product_id', label: 'f.product_name' },
  lot: { key: 'f.lot_id', label: `f.lot_number || ' · ' || f.product_name` },
  practitioner: {
    key: 'COALESCE(s.practitioner_id, f.recorded_by)',
    label: `COALESCE(st.name, 'Unknown')`,
    where: `AND f.type IN ('used', 'wasted') AND COALESCE(s.practitioner_id, f.recorded_by) IS NOT NULL`,
    having: 'true',
  },
  month: { key: `to_char(f.occurred_on, 'YYYY-MM')`, label: `to_char(f.occurred_on, 'YYYY-MM')`, where: 'AND f.occurred_on BETWEEN $3::date AND $4::date', having: 'true' },
};
/** Products and lots: a row when stock was on hand at the end of the range or anything moved in it. */
const DEFAULT_HAVING = 'sum(f.delta) FILTER (WHERE f.occurred_on <= $4::date) <> 0 OR bool_or(in_range)';

/**
 * The cartridge ledger summed per product, lot, practitioner or month (one statement over inventory's cartridge_ledger_facts,
 * with treatments' course_session_facts for who used a cartridge, and staff_directory for names). Movements count by
 * the day they happened (`occurred_on`) inside the range; on hand is the balance at the end of the range; expired
 * unused is the balance left on lots whose expiry date falls in the range and has passed (today in the clinic's zone).
 */
export async function cartridgeRows(
  db: EntityManager,
  p: { organizationId: string; groupBy: CartridgeGrouping; from: string; to: string; locationId: string | null; practitionerId: string | null },
): Promise<CartridgeRow[]> {
  const g = GROUPING[p.groupBy];
  const byReason = WASTE_REASONS.map((r) => `'${r}', COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'wasted' AND f.reason = '${r}' AND in_range), 0)`).join(', ');
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT ${g.key} AS key, min(${g.label}) AS label,
            COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'received' AND in_range), 0) AS received,
            COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'used' AND in_range), 0) AS used,
            COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'wasted' AND in_range), 0) AS wasted,
            jsonb_build_object(${byReason}) AS wasted_by_reason,
            COALESCE(sum(f.delta) FILTER (WHERE f.expires_on BETWEEN $3::date AND LEAST($4::date, clinic.today - 1)), 0) AS expired_unused,
            COALESCE(sum(f.delta) FILTER (WHERE f.occurred_on <= $4::date), 0) AS on_hand,
            count(DISTINCT f.treatment_session_id) FILTER (WHERE f.type = 'used' AND in_range) AS sessions
       FROM cartridge_ledger_facts f
       CROSS JOIN (SELECT ${clinicTodaySql('$1', '$2')} AS today) clinic
       CROSS JOIN LATERAL (SELECT f.occurred_on BETWEEN $3::date AND $4::date AS in_range) r
       LEFT JOIN course_session_facts s ON s.organization_id = f.organization_id AND s.session_id = f.treatment_session_id
       LEFT JOIN staff_directory st ON st.organization_id = f.organization_id AND st.id = COALESCE(s.practitioner_id, f.recorded_by)
      WHERE f.organization_id = $1 AND ($2::uuid IS NULL OR f.location_id = $2)
        AND ($5::uuid IS NULL OR COALESCE(s.practitioner_id, f.recorded_by) = $5)
        ${g.where ?? ''}
      GROUP BY 1
     HAVING ${g.having ?? DEFAULT_HAVING}
      ORDER BY 2`,
    [p.organizationId, p.locationId, p.from, p.to, p.practitionerId],
  );
  return rows.map((r) => ({
    key: r.key as string,
    label: r.label as string,
    received: Number(r.received),
    used: Number(r.used),
    wasted: Number(r.wasted),
    wasted_by_reason: r.wasted_by_reason as Record<string, number>,
    expired_unused: Number(r.expired_unused),
    on_hand: Number(r.on_hand),
    sessions: Number(r.sessions),
  }));
}

/** Lots with cartridges on hand expiring from today (in the clinic) to `daysAhead` days on, soonest first. */
export async function expiringCartridgeLots(
  db: EntityManager,
  p: { organizationId: string; daysAhead: number; locationId: string | null },
): Promise<{ lot_id: string; lot_number: string; product_name: string; expires_on: string; on_hand: number }[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT f.lot_id, min(f.lot_number) AS lot_number, min(f.product_name) AS product_name, min(f.expires_on)::text AS expires_on, sum(f.delta) AS on_hand
       FROM cartridge_ledger_facts f
       CROSS JOIN (SELECT ${clinicTodaySql('$1', '$2')} AS today) clinic
      WHERE f.organization_id = $1 AND ($2::uuid IS NULL OR f.location_id = $2) AND f.expires_on BETWEEN clinic.today AND clinic.today + $3::int
      GROUP BY f.lot_id
     HAVING sum(f.delta) > 0
      ORDER BY 4, 2`,
    [p.organizationId, p.locationId, p.daysAhead],
  );
  return rows.map((r) => ({ lot_id: r.lot_id as string, lot_number: r.lot_number as string, product_name: r.product_name as string, expires_on: r.expires_on as string, on_hand: Number(r.on_hand) }));
}
