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

interface GroupingSql {
  /** The group of a day row (cartridge_ledger_day_facts f, staff_directory st). */
  key: string;
  label: string;
  /** Which first-use count adds up to distinct sessions in this group. */
  sessions: 'first_uses_of_lot' | 'first_uses_of_product' | 'first_uses';
  /** The group of a balance row (cartridge_lot_balances b); none where the shelf is not the group's (a practitioner). */
  stock?: { key: string; label: string };
}

/** How each grouping keys and names a row. The practitioner is the session's for a use, the recorder's for waste. */
const GROUPING: Record<CartridgeGrouping, GroupingSql> = {
  product: { key: 'f.product_id::text', label: 'f.product_name', sessions: 'first_uses_of_product', stock: { key: 'b.product_id::text', label: 'b.product_name' } },
  lot: { key: 'f.lot_id::text', label: `f.lot_number || ' · ' || f.product_name`, sessions: 'first_uses_of_lot', stock: { key: 'b.lot_id::text', label: `b.lot_number || ' · ' || b.product_name` } },
  practitioner: { key: 'f.practitioner_id::text', label: `COALESCE(st.name, 'Unknown')`, sessions: 'first_uses' },
  // The calendar month a movement happened in; the service adds the range's empty months.
  month: { key: `to_char(f.occurred_on, 'YYYY-MM')`, label: `to_char(f.occurred_on, 'YYYY-MM')`, sessions: 'first_uses' },
};

/**
 * The cartridge ledger summed per product, lot, practitioner or month, in one statement over the day sums inventory keeps as
 * it appends (cartridge_ledger_day_facts) and staff_directory for names. Movements count by the day they happened
 * (`occurred_on`) inside the range. On hand is the balance at the end of the range: today's (cartridge_lot_balances)
 * less what moved after the range (cartridge_ledger_facts, a few days by date); expired unused is what is left of lots
 * whose expiry date falls in the range and has passed (today in the clinic's zone). The shelf is the stock's, not a
 * practitioner's: grouped or filtered by practitioner, neither is given.
 */
export async function cartridgeRows(
  db: EntityManager,
  p: { organizationId: string; groupBy: CartridgeGrouping; from: string; to: string; locationId: string | null; practitionerId: string | null },
): Promise<CartridgeRow[]> {
  const g = GROUPING[p.groupBy];
  const byReason = WASTE_REASONS.map((r) => `'${r}', COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'wasted' AND f.reason = '${r}'), 0)`).join(', ');
  const stock = p.practitionerId === null ? g.stock : undefined;
  const activity = `
    SELECT ${g.key} AS key, min(${g.label}) AS label,
           COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'received'), 0) AS received,
           COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'used'), 0) AS used,
           COALESCE(sum(f.quantity) FILTER (WHERE f.type = 'wasted'), 0) AS wasted,
           jsonb_build_object(${byReason}) AS wasted_by_reason,
           COALESCE(sum(f.${g.sessions}) FILTER (WHERE f.type = 'used'), 0) AS sessions
      FROM cartridge_ledger_day_facts f
      ${p.groupBy === 'practitioner' ? 'LEFT JOIN staff_directory st ON st.organization_id = f.organization_id AND st.id = f.practitioner_id' : ''}
     WHERE f.organization_id = $1 AND f.occurred_on BETWEEN $3::date AND $4::date
       AND ($2::uuid IS NULL OR f.location_id = $2) AND ($5::uuid IS NULL OR f.practitioner_id = $5)
       ${p.groupBy === 'practitioner' ? `AND f.type IN ('used', 'wasted') AND f.practitioner_id IS NOT NULL` : ''}
     GROUP BY 1`;
  const shelf = stock
    ? `
    SELECT ${stock.key} AS key, min(${stock.label}) AS label,
           sum(b.on_hand - COALESCE(later.delta, 0)) AS on_hand,
           COALESCE(sum(b.on_hand) FILTER (WHERE b.expires_on BETWEEN $3::date AND LEAST($4::date, clinic.today - 1)), 0) AS expired_unused
      FROM cartridge_lot_balances b
      CROSS JOIN (SELECT ${clinicTodaySql('$1', '$2')} AS today) clinic
      LEFT JOIN (SELECT lot_id, location_id, sum(delta) AS delta FROM cartridge_ledger_facts
                  WHERE organization_id = $1 AND occurred_on > $4::date GROUP BY 1, 2) later
             ON later.lot_id = b.lot_id AND later.location_id = b.location_id
     WHERE b.organization_id = $1 AND ($2::uuid IS NULL OR b.location_id = $2)
     GROUP BY 1`
    : `SELECT NULL::text AS key, NULL::text AS label, 0::bigint AS on_hand, 0::bigint AS expired_unused WHERE false`;
  const rows: Record<string, unknown>[] = await db.query(
    `WITH activity AS (${activity}), shelf AS (${shelf})
     SELECT COALESCE(a.key, s.key) AS key, COALESCE(a.label, s.label) AS label,
            COALESCE(a.received, 0) AS received, COALESCE(a.used, 0) AS used, COALESCE(a.wasted, 0) AS wasted,
            COALESCE(a.wasted_by_reason, '{}') AS wasted_by_reason, COALESCE(a.sessions, 0) AS sessions,
            COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.expired_unused, 0) AS expired_unused
       FROM activity a FULL JOIN shelf s ON s.key = a.key
      WHERE a.key IS NOT NULL OR s.on_hand <> 0 OR s.expired_unused <> 0
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
    `SELECT b.lot_id, min(b.lot_number) AS lot_number, min(b.product_name) AS product_name, min(b.expires_on)::text AS expires_on, sum(b.on_hand) AS on_hand
       FROM cartridge_lot_balances b
       CROSS JOIN (SELECT ${clinicTodaySql('$1', '$2')} AS today) clinic
      WHERE b.organization_id = $1 AND ($2::uuid IS NULL OR b.location_id = $2) AND b.expires_on BETWEEN clinic.today AND clinic.today + $3::int
      GROUP BY b.lot_id
     HAVING sum(b.on_hand) > 0
      ORDER BY 4, 2`,
    [p.organizationId, p.locationId, p.daysAhead],
  );
  return rows.map((r) => ({ lot_id: r.lot_id as string, lot_number: r.lot_number as string, product_name: r.product_name as string, expires_on: r.expires_on as string, on_hand: Number(r.on_hand) }));
}
