import { Injectable } from '@nestjs/common';
import { lotStatus } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { NotFoundError } from '../common/problems/domain-error';
import type { LotBalanceDto, LotDto, StockMovementDto } from './lots.dto';
import { lotViewRows, type LotViewQuery, type LotViewRow } from './lots.queries';
import type { StockMovement } from './stock-movement.entity';

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

export interface LotViewPage {
  /** False when the filter named a location the organization does not have. */
  locationFound: boolean;
  /** Matching lots counted up to the cap + 1; null when not asked. */
  counted: number | null;
  lots: LotDto[];
}

/**
 * Reads lots with their on-hand per location and their derived status (expiry judged on each location's date), in
 * one statement (lots.queries.ts lotViewRows); the rows become answers in one pass.
 */
@Injectable()
export class LotViews {
  async read(manager: EntityManager, actor: Actor, query: Omit<LotViewQuery, 'organizationId' | 'staffMemberId'>): Promise<LotViewPage> {
    const result = await lotViewRows(manager, { ...query, organizationId: actor.organizationId, staffMemberId: actor.staffMemberId });
    return { locationFound: result.locationFound, counted: result.counted, lots: result.rows.map(toLotDto) };
  }

  /** One lot with its on-hand over all locations, or 404. */
  async loadOne(manager: EntityManager, actor: Actor, lotId: string): Promise<LotDto> {
    const [lot] = (await this.read(manager, actor, { filter: { lotIds: [lotId] } })).lots;
    if (!lot) throw new NotFoundError('Lot', lotId);
    return lot;
  }
}

function toLotDto(row: LotViewRow): LotDto {
  const hold = { holdStatus: row.status, expiresOn: row.expires_on };
  const balances: LotBalanceDto[] = row.balances
    .map((b) => ({ locationId: b.location_id, locationName: b.location_name, onHand: b.on_hand, status: lotStatus(hold, b.on_hand, b.today) }))
    .sort((a, b) => a.locationName.localeCompare(b.locationName));
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
    status: lotStatus(hold, row.on_hand, row.on_date),
    onHand: row.on_hand,
    balances,
    createdAt: row.created_at.toISOString(),
  };
}
