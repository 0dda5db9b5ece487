import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { daysBetween, lotStatus } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { InventoryLocations } from './inventory-locations';
import type { AlertsQueryDto, InventoryAlertsDto, LowStockAlertDto, OnHandRowDto } from './inventory-reports.dto';
import { reorderPairs } from './reorder.queries';
import { shelfRows, type ShelfRow } from './stock.queries';

/** Read-only views over the balances: what is on the shelf, and what needs attention. */
@Injectable()
export class InventoryReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locations: InventoryLocations,
  ) {}

  async alerts(actor: Actor, query: AlertsQueryDto, now: Date = new Date()): Promise<InventoryAlertsDto> {
    const manager = this.dataSource.manager;
    if (query.locationId) await this.locations.find(manager, actor, query.locationId, 'locationId');
    const rows = await this.shelf(actor, query.locationId);
    const withStock = rows.filter((r) => r.on_hand > 0);

    const expiring = withStock
      .filter((r) => r.status !== 'recalled')
      .map((r) => ({ row: r, days: daysBetween(this.locations.today(r, now), r.expires_on) }))
      .filter(({ days }) => days <= query.expiringWithinDays)
      .sort((a, b) => a.days - b.days || a.row.location_name.localeCompare(b.row.location_name))
      .map(({ row, days }) => ({
        lotId: row.lot_id,
        lotNumber: row.lot_number,
        productId: row.product_id,
        productName: row.product_name,
        locationId: row.location_id,
        locationName: row.location_name,
        expiresOn: row.expires_on,
        daysUntilExpiry: days,
        onHand: row.on_hand,
      }));

    const recalledOnShelf = withStock
      .filter((r) => r.status === 'recalled')
      .map((r) => ({
        lotId: r.lot_id,
        lotNumber: r.lot_number,
        productId: r.product_id,
        productName: r.product_name,
        locationId: r.location_id,
        locationName: r.location_name,
        onHand: r.on_hand,
        recallClass: r.recall_class,
      }));

    const lowStock: LowStockAlertDto[] = [];
    for (const pair of await reorderPairs(manager, actor.organizationId, query.locationId)) {
      const usable = this.usable(rows.filter((r) => r.product_id === pair.product_id && r.location_id === pair.location_id), now);
      if (usable < pair.reorder_threshold) {
        lowStock.push({
          productId: pair.product_id,
          productName: pair.product_name,
          locationId: pair.location_id,
          locationName: pair.location_name,
          usable,
          reorderThreshold: pair.reorder_threshold,
        });
      }
    }
    return { expiring, lowStock, recalledOnShelf };
  }

  async onHand(actor: Actor, locationId: string | undefined, now: Date = new Date()): Promise<OnHandRowDto[]> {
    if (locationId) await this.locations.find(this.dataSource.manager, actor, locationId, 'locationId');
    const rows = await this.shelf(actor, locationId);
    const groups = new Map<string, ShelfRow[]>();
    for (const row of rows) {
      const key = `${row.product_id}/${row.location_id}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return [...groups.values()]
      .map((group) => {
        const [first] = group;
        const usable = this.usable(group, now);
        return {
          productId: first.product_id,
          productName: first.product_name,
          kind: first.kind,
          gtin: first.gtin,
          locationId: first.location_id,
          locationName: first.location_name,
          onHand: group.reduce((sum, r) => sum + r.on_hand, 0),
          usable,
          reorderThreshold: first.reorder_threshold,
          belowReorderThreshold: first.reorder_threshold > 0 && usable < first.reorder_threshold,
        };
      })
      .sort((a, b) => a.productName.localeCompare(b.productName) || a.locationName.localeCompare(b.locationName));
  }

  /** Units that may be used today at their location: not on hold, not expired, in stock. */
  private usable(rows: ShelfRow[], now: Date): number {
    return rows
      .filter((r) => lotStatus({ holdStatus: r.status, expiresOn: r.expires_on }, r.on_hand, this.locations.today(r, now)) === 'available')
      .reduce((sum, r) => sum + r.on_hand, 0);
  }

  private shelf(actor: Actor, locationId?: string): Promise<ShelfRow[]> {
    return shelfRows(this.dataSource.manager, actor.organizationId, locationId);
  }
}
