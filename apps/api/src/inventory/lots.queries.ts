import type { LotHoldStatus, LotStatus, ProductKind, RecallClass } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { defaultTimeZoneSql } from '../organizations/clinic-calendar.queries';
import type { StockMovement } from './stock-movement.entity';

export interface LotRow {
  id: string;
  product_id: string;
  manufacturer: string;
  product_name: string;
  gtin: string | null;
  kind: ProductKind;
  lot_number: string;
  expires_on: string;
  manufactured_on: string | null;
  supplier: string | null;
  status: LotHoldStatus;
  status_reason: string | null;
  udi_format: 'gs1' | 'hibc' | null;
  udi_data: string | null;
  additional_product_id: string | null;
  /** `YYYY-MM-DDTHH:MM`, as printed (AI 7003). */
  label_expires_at: string | null;
  label_item_count: number | null;
  created_at: Date;
}

/** A lot's on-hand at one location, with the calendar date there (expiry is judged on it). */
export interface LotBalanceRow {
  location_id: string;
  location_name: string;
  on_hand: number;
  /** `YYYY-MM-DD` at the location now. */
  today: string;
}

export interface LotViewRow extends LotRow {
  /** At the filter's location, else over all locations. */
  on_hand: number;
  /** `YYYY-MM-DD`: the location's date, else the actor's clinic date. */
  on_date: string;
  balances: LotBalanceRow[];
}

export interface LotRowFilter {
  lotIds?: readonly string[];
  productId?: string;
  productKind?: ProductKind;
  /** Only lots with stock history at this location; on-hand and status there. */
  locationId?: string;
  /** Only lots of this derived status (at the location, else over all locations on the clinic's date). */
  status?: LotStatus;
}

/** Where a page starts: after the lot with this sort key (expiry, lot number, id). */
export type LotSortKey = readonly [expiresOn: string, lotNumber: string, id: string];

export interface LotViewQuery {
  organizationId: string;
  /** Whose clinic calendar dates a lot when no location is named. */
  staffMemberId: string;
  filter: LotRowFilter;
  after?: LotSortKey | null;
  /** Rows to read (a page asks for its size + 1). */
  limit?: number;
  /** Also count the matching lots, up to `countCap + 1`. */
  countCap?: number;
}

export interface LotViewResult {
  /** False when the filter named a location the organization does not have. */
  locationFound: boolean;
  /** Matching lots counted up to countCap + 1; null when not asked. */
  counted: number | null;
  rows: LotViewRow[];
}

/**
 * The organization's lots with their product, on-hand and derived status, in (expiry, lot number, id) order, and
 * each lot's balance per location: ONE statement whatever the page size (balances aggregated per lot in it, the
 * filter's location checked in it, the clinic's date judged in it). Status here is the domain's lotStatus rule
 * (a hold wins over expiry, expiry over an empty shelf) so a status filter pages correctly; the service derives
 * the answer's statuses from the same dates and counts with lotStatus itself.
 */
export async function lotViewRows(manager: EntityManager, query: LotViewQuery): Promise<LotViewResult> {
  const { filter } = query;
  const params: unknown[] = [query.organizationId, query.staffMemberId, filter.locationId ?? null];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['l.organization_id = $1'];
  if (filter.lotIds) where.push(`l.id = ANY(${param(filter.lotIds)}::uuid[])`);
  if (filter.productId) where.push(`l.product_id = ${param(filter.productId)}::uuid`);
  if (filter.productKind) where.push(`p.kind = ${param(filter.productKind)}`);
  if (filter.locationId) where.push('bal.stocked_here');
  const matching = filter.status ? [`status = ${param(filter.status)}`] : ['true'];
  const onPage = [...matching];
  if (query.after) {
    const [expiresOn, lotNumber, id] = query.after;
    onPage.push(`(expires_on, lot_number, id) > (${param(expiresOn)}::date, ${param(lotNumber)}::text, ${param(id)}::uuid)`);
  }
  const limit = query.limit === undefined ? '' : `LIMIT ${param(query.limit)}::int`;
  const counted = query.countCap === undefined ? 'NULL::int' : `(SELECT count(*) FROM (SELECT 1 FROM judged WHERE ${matching.join(' AND ')} LIMIT ${param(query.countCap + 1)}::int) c)::int`;
  const rows: (Partial<LotViewRow> & { location_found: boolean; counted: number | null })[] = await manager.query(
    `WITH here AS (
       SELECT loc.id, (now() AT TIME ZONE loc.timezone)::date AS today
       FROM location_directory loc WHERE loc.organization_id = $1 AND loc.id = $3::uuid),
     clinic AS (SELECT (now() AT TIME ZONE coalesce(${defaultTimeZoneSql('$1', '$2')}, 'UTC'))::date AS today),
     measured AS NOT MATERIALIZED (
       SELECT l.id, l.expires_on, l.lot_number, l.status AS hold_status,
              CASE WHEN $3::uuid IS NULL THEN bal.total ELSE bal.here END AS on_hand,
              CASE WHEN $3::uuid IS NULL THEN (SELECT today FROM clinic) ELSE (SELECT today FROM here) END AS on_date
       FROM lots l
       JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(b.on_hand), 0)::int AS total,
                coalesce(sum(b.on_hand) FILTER (WHERE b.location_id = $3::uuid), 0)::int AS here,
                count(*) FILTER (WHERE b.location_id = $3::uuid) > 0 AS stocked_here
         FROM stock_balances b WHERE b.lot_id = l.id) bal
       WHERE ${where.join(' AND ')}),
     judged AS NOT MATERIALIZED (
       SELECT m.*,
              CASE WHEN m.hold_status <> 'available' THEN m.hold_status
                   WHEN m.on_date > m.expires_on THEN 'expired'
                   WHEN m.on_hand <= 0 THEN 'depleted'
                   ELSE 'available' END AS status
       FROM measured m),
     page AS (
       SELECT id, on_hand, on_date FROM judged WHERE ${onPage.join(' AND ')}
       ORDER BY expires_on, lot_number, id ${limit})
     SELECT h.location_found, h.counted, r.*
     FROM (SELECT ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM here)) AS location_found, ${counted} AS counted) h
     LEFT JOIN LATERAL (
       SELECT l.id, l.product_id, p.manufacturer, p.name AS product_name, p.gtin, p.kind, l.lot_number,
              l.expires_on::text AS expires_on, l.manufactured_on::text AS manufactured_on, l.supplier, l.status,
              l.status_reason, l.udi_format, l.udi_data, l.additional_product_id,
              to_char(l.label_expires_at, 'YYYY-MM-DD"T"HH24:MI') AS label_expires_at, l.label_item_count, l.created_at,
              pg.on_hand, pg.on_date::text AS on_date,
              (SELECT coalesce(json_agg(json_build_object('location_id', b.location_id, 'location_name', loc.name, 'on_hand', b.on_hand,
                                                          'today', (now() AT TIME ZONE loc.timezone)::date)), '[]'::json)
               FROM stock_balances b JOIN location_directory loc ON loc.organization_id = b.organization_id AND loc.id = b.location_id
               WHERE b.lot_id = l.id) AS balances
       FROM page pg
       JOIN lots l ON l.id = pg.id
       JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id) r ON true
     ORDER BY r.expires_on, r.lot_number, r.id`,
    params,
  );
  const head = rows[0];
  return {
    locationFound: head?.location_found ?? true,
    counted: head?.counted ?? null,
    rows: rows.filter((r): r is LotViewRow & { location_found: boolean; counted: number | null } => r.id !== null && r.id !== undefined),
  };
}

/** What a scanned label said beyond lot and dates, kept on the lot it created. */
export interface LotLabel {
  format: 'gs1' | 'hibc';
  /** GS1: the element string in human-readable form; HIBC: the data as scanned. */
  data: string;
  additionalProductId?: string | null;
  /** `YYYY-MM-DDTHH:MM` (AI 7003). */
  expiresAt?: string | null;
  itemCount?: number | null;
}

export interface NewLot {
  productId: string;
  lotNumber: string;
  expiresOn: string;
  manufacturedOn?: string | null;
  supplier?: string | null;
  label?: LotLabel | null;
}

/** Inserts the lot unless one with this number is on record for the product; its id when it was inserted. */
export async function insertLotIfNew(manager: EntityManager, organizationId: string, lot: NewLot): Promise<string | null> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO lots (organization_id, product_id, lot_number, expires_on, manufactured_on, supplier,
                       udi_format, udi_data, additional_product_id, label_expires_at, label_item_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamp, $11)
     ON CONFLICT (organization_id, product_id, lot_number) DO NOTHING
     RETURNING id`,
    [
      organizationId,
      lot.productId,
      lot.lotNumber,
      lot.expiresOn,
      lot.manufacturedOn ?? null,
      lot.supplier ?? null,
      lot.label?.format ?? null,
      lot.label?.data ?? null,
      lot.label?.additionalProductId ?? null,
      lot.label?.expiresAt ?? null,
      lot.label?.itemCount ?? null,
    ],
  );
  return inserted[0]?.id ?? null;
}

export interface LotRecallRow {
  id: string;
  recall_class: RecallClass;
  reason: string;
  reference: string | null;
  recorded_by: string;
  recorded_at: Date;
}


/** A stock movement as the ledger shows it (the entity's fields; instants as text from JSON). */
export type LedgerMovementJson = Omit<StockMovement, 'recordedAt'> & { recordedAt: string };

/** JSON carries instants as text; the recall's recorded_at as text. */
export type LotRecallJson = Omit<LotRecallRow, 'recorded_at'> & { recorded_at: string };

/**
 * A lot's ledger (oldest first) and the recalls that named it (oldest first) in ONE statement: the lot detail reads
 * this beside lotViewRows, whatever the number of movements (issue 15).
 */
export async function lotLedgerAndRecalls(manager: EntityManager, organizationId: string, lotId: string): Promise<{ ledger: LedgerMovementJson[]; recalls: LotRecallJson[] }> {
  const [row]: { ledger: LedgerMovementJson[]; recalls: LotRecallJson[] }[] = await manager.query(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'id', m.id, 'organizationId', m.organization_id, 'lotId', m.lot_id, 'locationId', m.location_id, 'type', m.type,
                 'quantity', m.quantity, 'delta', m.delta, 'direction', m.direction, 'transferId', m.transfer_id,
                 'counterpartLocationId', m.counterpart_location_id, 'reason', m.reason, 'note', m.note,
                 'treatmentSessionId', m.treatment_session_id, 'occurredOn', m.occurred_on, 'recordedBy', m.recorded_by,
                 'recordedAt', m.recorded_at) ORDER BY m.recorded_at, m.id), '[]')
          FROM stock_movements m WHERE m.organization_id = $1 AND m.lot_id = $2) AS ledger,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', r.id, 'recall_class', r.recall_class, 'reason', r.reason, 'reference', r.reference,
                 'recorded_by', r.recorded_by, 'recorded_at', r.recorded_at) ORDER BY r.recorded_at), '[]')
          FROM recall_lots rl JOIN recalls r ON r.id = rl.recall_id
         WHERE rl.organization_id = $1 AND rl.lot_id = $2) AS recalls`,
    [organizationId, lotId],
  );
  return row;
}
