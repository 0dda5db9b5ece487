import type { EntityManager } from 'typeorm';
import { isoDaysAgo } from './demo-random';

const inDays = (days: number) => isoDaysAgo(-days);

interface DemoLot {
  product: 0 | 1 | 2;
  lotNumber: string;
  expiresInDays: number;
  location: 0 | 1;
  received: number;
  wasted?: number;
}

/** 14-needle cartridges (the reference pen's), a lidocaine cream and a serum; GTINs carry valid check digits. */
const PRODUCTS = [
  { manufacturer: 'Crown Aesthetics', name: 'SkinPen Precision cartridge, 14 needles', gtin: '00850031370012', kind: 'needle_cartridge', needles: 14, singleUse: true, reorder: 20 },
  { manufacturer: 'Ferndale', name: 'LMX4 lidocaine 4% cream, 30 g', gtin: '00496260030305', kind: 'anesthetic', needles: null, singleUse: false, reorder: 4 },
  { manufacturer: 'Crown Aesthetics', name: 'SkinFuse Lift HA serum', gtin: '00850031370081', kind: 'serum', needles: null, singleUse: true, reorder: 10 },
] as const;

/** Stock that makes the alerts meaningful: a lot close to expiry, one already expired, one below threshold. */
const LOTS: DemoLot[] = [
  { product: 0, lotNumber: 'SP24K117', expiresInDays: 420, location: 0, received: 60, wasted: 1 },
  { product: 0, lotNumber: 'SP24H052', expiresInDays: 21, location: 0, received: 12 },
  { product: 0, lotNumber: 'SP24L203', expiresInDays: 510, location: 1, received: 15 },
  { product: 0, lotNumber: 'SP23F019', expiresInDays: -6, location: 1, received: 3 },
  { product: 1, lotNumber: 'LMX-88412', expiresInDays: 300, location: 0, received: 10 },
  { product: 1, lotNumber: 'LMX-88390', expiresInDays: 260, location: 1, received: 3 },
  { product: 2, lotNumber: 'SF-30411', expiresInDays: 180, location: 0, received: 24 },
];

const DEVICES = [
  { model: 'SkinPen Precision', serial: 'SPP-2210-4471', location: 0, status: 'active', reason: null },
  { model: 'SkinPen Precision', serial: 'SPP-2210-4472', location: 0, status: 'active', reason: null },
  { model: 'SkinPen Precision', serial: 'SPP-2303-1180', location: 1, status: 'active', reason: null },
  { model: 'SkinPen Precision', serial: 'SPP-2109-0913', location: 1, status: 'out_of_service', reason: 'Motor stalls at 2.0 mm; sent for service' },
] as const;

/** Products, lots received through the stock ledger (its triggers keep the balances) and pen devices. */
export async function loadDemoInventory(
  manager: EntityManager,
  organizationId: string,
  locationIds: [string, string],
  receiverId: string,
): Promise<void> {
  const productIds: string[] = [];
  for (const p of PRODUCTS) {
    const [row] = await manager.query(
      `INSERT INTO products (organization_id, manufacturer, name, gtin, kind, needle_count, single_use, reorder_threshold)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [organizationId, p.manufacturer, p.name, p.gtin, p.kind, p.needles, p.singleUse, p.reorder],
    );
    productIds.push(row.id);
  }
  for (const lot of LOTS) {
    const [row] = await manager.query(
      `INSERT INTO lots (organization_id, product_id, lot_number, expires_on, manufactured_on, supplier)
       VALUES ($1, $2, $3, $4, $5, 'Crown Aesthetics Distribution') RETURNING id`,
      [organizationId, productIds[lot.product], lot.lotNumber, inDays(lot.expiresInDays), inDays(lot.expiresInDays - 730)],
    );
    const movement = `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, occurred_on, recorded_by)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
    await manager.query(movement, [organizationId, row.id, locationIds[lot.location], 'received', lot.received, null, isoDaysAgo(45), receiverId]);
    if (lot.wasted) {
      await manager.query(movement, [organizationId, row.id, locationIds[lot.location], 'wasted', lot.wasted, 'packaging_damaged', isoDaysAgo(20), receiverId]);
    }
  }
  for (const d of DEVICES) {
    await manager.query(
      `INSERT INTO devices (organization_id, location_id, model, serial_number, status, status_reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      [organizationId, locationIds[d.location], d.model, d.serial, d.status, d.reason],
    );
  }
}
