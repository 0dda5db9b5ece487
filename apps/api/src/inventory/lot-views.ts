import { Injectable } from '@nestjs/common';
import { lotStatus, type IsoDate } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import { InventoryLocations } from './inventory-locations';
import type { LotBalanceDto, LotDto, StockMovementDto } from './lots.dto';
import { findLotRows, lotBalances, type LotRowFilter } from './lots.queries';
import type { StockMovement } from './stock-movement.entity';

/** Which lots to read; with a location, on-hand and status are given there. */
export type LotFilter = LotRowFilter;

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
    const rows = await findLotRows(manager, actor.organizationId, filter);
    if (rows.length === 0) return [];
    const balances = await lotBalances(manager, actor.organizationId, rows.map((r) => r.id));
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
        udiFormat: row.udi_format,
        udiData: row.udi_data,
        additionalProductId: row.additional_product_id,
        labelExpiresAt: row.label_expires_at,
        labelItemCount: row.label_item_count,
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
