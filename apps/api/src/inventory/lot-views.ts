import { Injectable } from '@nestjs/common';
import { lotStatus, type IsoDate, type LotHoldStatus, type ProductKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { InventoryLocations } from './inventory-locations';
import type { LotBalanceDto, LotDto, StockMovementDto } from './lots.dto';
import type { StockMovement } from './stock-movement.entity';

export interface LotFilter {
  lotIds?: readonly string[];
  productId?: string;
  /** Only lots with stock history at this location; on-hand and status are then given there. */
  locationId?: string;
}

interface LotRow {
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
  created_at: Date;
}

export function toStockMovementDto(m: StockMovement): StockMovementDto {
  return {
    id: m.id,
    lotId: m.lotId,
    locationId: m.locationId,
    type: m.type,
    quantity: m.quantity,
    delta: m.delta,
    direction: m.direction,
    transferId: m.transferId,
    counterpartLocationId: m.counterpartLocationId,
    reason: m.reason,
    note: m.note,
    treatmentSessionId: m.treatmentSessionId,
    occurredOn: m.occurredOn,
    recordedBy: m.recordedBy,
    recordedAt: m.recordedAt.toISOString(),
  };
}

/** Reads lots with their on-hand per location and their derived status (expiry judged on each location's date). */
@Injectable()
export class LotViews {
  constructor(private readonly locations: InventoryLocations) {}

  async load(manager: EntityManager, actor: Actor, filter: LotFilter = {}, now: Date = new Date()): Promise<LotDto[]> {
    const params: unknown[] = [actor.organizationId];
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
    const rows: LotRow[] = await manager.query(
      `SELECT l.id, l.product_id, p.manufacturer, p.name AS product_name, p.gtin, p.kind, l.lot_number,
              l.expires_on::text AS expires_on, l.manufactured_on::text AS manufactured_on, l.supplier, l.status,
              l.status_reason, l.created_at
       FROM lots l
       JOIN products p ON p.organization_id = l.organization_id AND p.id = l.product_id
       WHERE ${where.join(' AND ')}
       ORDER BY l.expires_on, l.lot_number, l.id`,
      params,
    );
    if (rows.length === 0) return [];
    const balances: { lot_id: string; location_id: string; on_hand: number }[] = await manager.query(
      `SELECT lot_id, location_id, on_hand FROM stock_balances WHERE organization_id = $1 AND lot_id = ANY($2::uuid[])`,
      [actor.organizationId, rows.map((r) => r.id)],
    );
    const locations = new Map((await this.locations.all(manager, actor)).map((l) => [l.id, l]));
    const todayAt = new Map([...locations.values()].map((l) => [l.id, this.locations.today(l, now)]));
    const fallbackToday = await this.locations.actorToday(manager, actor);

    return rows.map((row) => {
      const hold = { holdStatus: row.status, expiresOn: row.expires_on };
      const lotBalances: LotBalanceDto[] = balances
        .filter((b) => b.lot_id === row.id)
        .map((b) => ({
          locationId: b.location_id,
          locationName: locations.get(b.location_id)?.name ?? '',
          onHand: b.on_hand,
          status: lotStatus(hold, b.on_hand, todayAt.get(b.location_id) ?? fallbackToday),
        }))
        .sort((a, b) => a.locationName.localeCompare(b.locationName));
      let onHand: number;
      let onDate: IsoDate;
      if (filter.locationId) {
        onHand = lotBalances.find((b) => b.locationId === filter.locationId)?.onHand ?? 0;
        onDate = todayAt.get(filter.locationId) ?? fallbackToday;
      } else {
        onHand = lotBalances.reduce((sum, b) => sum + b.onHand, 0);
        onDate = fallbackToday;
      }
      return {
        id: row.id,
        product: { id: row.product_id, manufacturer: row.manufacturer, name: row.product_name, gtin: row.gtin, kind: row.kind },
        lotNumber: row.lot_number,
        expiresOn: row.expires_on,
        manufacturedOn: row.manufactured_on,
        supplier: row.supplier,
        holdStatus: row.status,
        holdReason: row.status_reason,
        status: lotStatus(hold, onHand, onDate),
        onHand,
        balances: lotBalances,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  /** One lot with its on-hand over all locations, or 404. */
  async loadOne(manager: EntityManager, actor: Actor, lotId: string): Promise<LotDto> {
    const [lot] = await this.load(manager, actor, { lotIds: [lotId] });
    if (!lot) throw new NotFoundError('Lot', lotId);
    return lot;
  }
}
