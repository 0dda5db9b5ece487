import { addDays, type IsoDate, type WasteReason } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { isoDaysAgo } from './demo-random';

/** Cartridge lots delivered over the year; the first was short-dated and ran out of date before it was used up. */
const HISTORY_LOTS = [
  { lotNumber: 'SP25A208', location: 0, receivedDaysAgo: 362, quantity: 40, expiresDaysAgo: 240 },
  { lotNumber: 'SP25A611', location: 1, receivedDaysAgo: 358, quantity: 20, expiresDaysAgo: -180 },
  { lotNumber: 'SP25C117', location: 0, receivedDaysAgo: 290, quantity: 40, expiresDaysAgo: -250 },
  { lotNumber: 'SP25E390', location: 0, receivedDaysAgo: 215, quantity: 40, expiresDaysAgo: -325 },
  { lotNumber: 'SP25F275', location: 1, receivedDaysAgo: 180, quantity: 20, expiresDaysAgo: -360 },
  { lotNumber: 'SP25H046', location: 0, receivedDaysAgo: 140, quantity: 40, expiresDaysAgo: -400 },
  { lotNumber: 'SP25K512', location: 0, receivedDaysAgo: 65, quantity: 40, expiresDaysAgo: -475 },
] as const;

/** Cartridges wasted over the year, as clinics record them: mostly dropped, some damaged or contaminated. */
const HISTORY_WASTE: { daysAgo: number; location: 0 | 1; reason: WasteReason; note?: string }[] = [
  { daysAgo: 331, location: 0, reason: 'dropped' },
  { daysAgo: 305, location: 1, reason: 'packaging_damaged' },
  { daysAgo: 276, location: 0, reason: 'dropped' },
  { daysAgo: 243, location: 0, reason: 'contaminated', note: 'Touched the tray edge before use' },
  { daysAgo: 199, location: 1, reason: 'dropped' },
  { daysAgo: 162, location: 0, reason: 'packaging_damaged' },
  { daysAgo: 121, location: 0, reason: 'dropped' },
  { daysAgo: 96, location: 0, reason: 'other', note: 'Cartridge would not seat in the pen' },
  { daysAgo: 58, location: 1, reason: 'contaminated', note: 'Patient moved during loading' },
  { daysAgo: 33, location: 0, reason: 'dropped' },
  { daysAgo: 12, location: 0, reason: 'dropped' },
];

export interface CartridgeUse {
  sessionId: string;
  location: 0 | 1;
  performedOn: IsoDate;
  quantity: number;
  practitionerId: string;
}

interface Lot {
  id: string;
  location: 0 | 1;
  receivedOn: IsoDate;
  expiresOn: IsoDate;
  left: number;
}

/**
 * The year's cartridge ledger: lots received through the stock ledger (its trigger keeps the balances), each
 * session's cartridges taken first-expiring-first from the lots on hand at its location that day, waste with its
 * reason, and what was left of a lot when it expired written off as expired. Receipts go in first, so the balance never
 * dips below zero; the uses point at the sessions, which must exist (unsigned) already.
 */
export async function loadDemoStockHistory(
  manager: EntityManager,
  p: { organizationId: string; locationIds: [string, string]; receivers: [string, string]; uses: CartridgeUse[]; today: IsoDate },
): Promise<void> {
  const [product] = await manager.query(`SELECT id FROM products WHERE organization_id = $1 AND kind = 'needle_cartridge' ORDER BY name LIMIT 1`, [p.organizationId]);
  const lots: Lot[] = [];
  const receipts: unknown[] = [];
  for (const l of HISTORY_LOTS) {
    const receivedOn = isoDaysAgo(l.receivedDaysAgo);
    const expiresOn = isoDaysAgo(l.expiresDaysAgo);
    const [row] = await manager.query(
      `INSERT INTO lots (organization_id, product_id, lot_number, expires_on, manufactured_on, supplier, created_at)
       VALUES ($1, $2, $3, $4, $5, 'Crown Aesthetics Distribution', $6::date + time '11:00') RETURNING id`,
      [p.organizationId, product.id, l.lotNumber, expiresOn, addDays(receivedOn, -60), receivedOn],
    );
    lots.push({ id: row.id, location: l.location, receivedOn, expiresOn, left: l.quantity });
    receipts.push({ lot_id: row.id, location: l.location, type: 'received', quantity: l.quantity, reason: null, note: null, session_id: null, occurred_on: receivedOn, recorded_by: p.receivers[l.location] });
  }
  await insertMovements(manager, p, receipts);

  const events = [
    ...p.uses.map((u) => ({ on: u.performedOn, location: u.location, quantity: u.quantity, use: u, waste: null })),
    ...HISTORY_WASTE.map((w) => ({ on: isoDaysAgo(w.daysAgo), location: w.location, quantity: 1, use: null, waste: w })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  const movements: unknown[] = [];
  for (const e of events) {
    for (let n = 0; n < e.quantity; n++) {
      const lot = lots
        .filter((l) => l.location === e.location && l.left > 0 && l.receivedOn <= e.on && l.expiresOn > e.on)
        .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))[0];
      if (!lot) throw new Error(`demo stock history: no cartridge on hand at location ${e.location} on ${e.on}`);
      lot.left--;
      movements.push(
        e.use
          ? { lot_id: lot.id, location: e.location, type: 'used', quantity: 1, reason: null, note: null, session_id: e.use.sessionId, occurred_on: e.on, recorded_by: e.use.practitionerId }
          : { lot_id: lot.id, location: e.location, type: 'wasted', quantity: 1, reason: e.waste?.reason, note: e.waste?.note ?? null, session_id: null, occurred_on: e.on, recorded_by: p.receivers[e.location] },
      );
    }
  }
  for (const lot of lots) {
    if (lot.expiresOn < p.today && lot.left > 0) {
      movements.push({ lot_id: lot.id, location: lot.location, type: 'wasted', quantity: lot.left, reason: 'expired', note: 'Out of date: removed from the drawer', session_id: null, occurred_on: addDays(lot.expiresOn, 1), recorded_by: p.receivers[lot.location] });
    }
  }
  await insertMovements(manager, p, movements);
}

/** One statement for many ledger rows; the ledger's row trigger applies each to the balances. */
async function insertMovements(manager: EntityManager, p: { organizationId: string; locationIds: [string, string] }, rows: unknown[]): Promise<void> {
  await manager.query(
    `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, note, treatment_session_id, occurred_on, recorded_by, recorded_at)
     SELECT $1, m.lot_id, ($2::uuid[])[m.location + 1], m.type, m.quantity, m.reason, m.note, m.session_id, m.occurred_on, m.recorded_by, m.occurred_on + time '18:00'
       FROM jsonb_to_recordset($3::jsonb) AS m(lot_id uuid, location int, type text, quantity int, reason text, note text, session_id uuid, occurred_on date, recorded_by uuid)`,
    [p.organizationId, p.locationIds, JSON.stringify(rows)],
  );
}
