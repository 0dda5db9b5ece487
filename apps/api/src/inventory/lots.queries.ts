import type { LotHoldStatus, ProductKind, RecallClass } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

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

export interface LotRowFilter {
  lotIds?: readonly string[];
  productId?: string;
  /** Only lots with stock history at this location. */
  locationId?: string;
}

/** The organization's lots with their product, in expiry order. */
export async function findLotRows(manager: EntityManager, organizationId: string, filter: LotRowFilter): Promise<LotRow[]> {
  const params: unknown[] = [organizationId];
  const where = ['l.organization_id = $1'];
  if (filter.lotIds) {
    params.push(filter.lotIds);
    where.push(`l.id = ANY($${params.length}::uuid[])`);
  }
  if (filter.productId) {
    params.push(filter.productId);
    where.push(`l.product_id = $${params.length}`);
  }
  if (filter.locationId) {
    params.push(filter.locationId);
    where.push(`EXISTS (SELECT 1 FROM stock_balances b WHERE b.lot_id = l.id AND b.location_id = $${params.length})`);
  }
  return manager.query(
    `SELECT l.id, l.product_id, p.manufacturer, p.name AS product_name, p.gtin, p.kind, l.lot_number,
            l.expires_on::text AS expires_on, l.manufactured_on::text AS manufactured_on, l.supplier, l.status,
            l.status_reason, l.udi_format, l.udi_data, l.additional_product_id,
            to_char(l.label_expires_at, 'YYYY-MM-DD"T"HH24:MI') AS label_expires_at, l.label_item_count, l.created_at
     FROM lots l
     JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
     WHERE ${where.join(' AND ')}
     ORDER BY l.expires_on, l.lot_number, l.id`,
    params,
  );
}

/** On-hand of the given lots per location. */
export async function lotBalances(manager: EntityManager, organizationId: string, lotIds: readonly string[]): Promise<{ lot_id: string; location_id: string; on_hand: number }[]> {
  return manager.query(`SELECT lot_id, location_id, on_hand FROM stock_balances WHERE organization_id = $1 AND lot_id = ANY($2::uuid[])`, [organizationId, lotIds]);
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

/** The recalls that named a lot, oldest first. */
export async function recallsOfLot(manager: EntityManager, organizationId: string, lotId: string): Promise<LotRecallRow[]> {
  return manager.query(
    `SELECT r.id, r.recall_class, r.reason, r.reference, r.recorded_by, r.recorded_at
     FROM recall_lots rl JOIN recalls r ON r.id = rl.recall_id
     WHERE rl.organization_id = $1 AND rl.lot_id = $2
     ORDER BY r.recorded_at`,
    [organizationId, lotId],
  );
}
