import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cartridgesPerSession, monthsOfRange, WASTE_REASONS, wastePercent, type CsvCellValue } from '@skinledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/access/actor';
import type { CartridgeReportDto, CartridgeReportRowDto, CartridgesQueryDto, WastedByReasonDto } from './cartridges.dto';
import { cartridgeRows, expiringCartridgeLots, type CartridgeRow } from './cartridges.queries';
import type { ReportCsv } from './report-csv';
import { reportRange } from './report-range';

/** The report lists lots expiring within this many days with stock still on the shelf (issue 17). */
export const EXPIRING_WITHIN_DAYS = 60;

/**
 * Cartridge use and waste (issue 17), from the stock ledger only: received, used on patients, wasted by reason,
 * expired on the shelf and on hand, per product, lot, practitioner or calendar month; with the waste percent and cartridges per
 * session of libs/domain. A second cartridge in one session is the exception (domain.md section 9), so a rising
 * cartridges-per-session figure is worth a look.
 */
@Injectable()
export class CartridgesReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: CartridgesQueryDto): Promise<CartridgeReportDto> {
    const { from, to } = reportRange(query);
    const manager = this.dataSource.manager;
    const locationId = query.locationId ?? null;
    const rows = await cartridgeRows(manager, { organizationId: actor.organizationId, groupBy: query.groupBy, from, to, locationId, practitionerId: query.practitionerId ?? null });
    const expiring = await expiringCartridgeLots(manager, { organizationId: actor.organizationId, daysAhead: EXPIRING_WITHIN_DAYS, locationId });
    const perPractitioner = query.groupBy === 'practitioner';
    // The shelf belongs to the stock at the range's end: not to a practitioner (grouped or asked about) nor to a month.
    const shelfless = perPractitioner || query.groupBy === 'month' || query.practitionerId != null;
    return {
      groupBy: query.groupBy,
      from,
      to,
      rows: (query.groupBy === 'month' ? everyMonth(rows, from, to) : rows).map(
        (r): CartridgeReportRowDto => ({
          key: r.key,
          label: r.label,
          // Receiving, the shelf and expiry belong to the stock, not to a practitioner.
          received: perPractitioner ? null : r.received,
          used: r.used,
          wasted: r.wasted,
          wastedByReason: Object.fromEntries(WASTE_REASONS.map((reason) => [reason, Number(r.wasted_by_reason[reason] ?? 0)])) as unknown as WastedByReasonDto,
          expiredUnused: shelfless ? null : r.expired_unused,
          onHand: shelfless ? null : r.on_hand,
          wastePercent: wastePercent(r.used, r.wasted),
          sessions: r.sessions,
          cartridgesPerSession: cartridgesPerSession(r.used, r.sessions),
        }),
      ),
      expiringSoon: expiring.map((e) => ({ lotId: e.lot_id, lotNumber: e.lot_number, productName: e.product_name, expiresOn: e.expires_on, onHand: e.on_hand })),
    };
  }

  async csv(actor: Actor, query: CartridgesQueryDto): Promise<ReportCsv> {
    const report = await this.report(actor, query);
    const grouping = { product: 'Product', lot: 'Lot', practitioner: 'Practitioner', month: 'Month' }[query.groupBy];
    const header = [grouping, 'Received', 'Used', 'Wasted', ...WASTE_REASONS.map((r) => `Wasted: ${r.replace('_', ' ')}`), 'Expired unused', 'On hand', 'Waste %', 'Sessions', 'Cartridges per session'];
    const rows: CsvCellValue[][] = report.rows.map((r) => [
      r.label,
      r.received,
      r.used,
      r.wasted,
      ...WASTE_REASONS.map((reason) => r.wastedByReason[reason]),
      r.expiredUnused,
      r.onHand,
      r.wastePercent,
      r.sessions,
      r.cartridgesPerSession,
    ]);
    return { fileName: `cartridges-by-${query.groupBy}_${report.from}_${report.to}.csv`, header, rows };
  }
}

/** One row per calendar month of the range, oldest first, a month without movements as zeros (a trend has no gaps). */
function everyMonth(rows: CartridgeRow[], from: string, to: string): CartridgeRow[] {
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  return monthsOfRange(from, to).map(
    ({ key, label }) =>
      ({ ...(byMonth.get(key) ?? { received: 0, used: 0, wasted: 0, wasted_by_reason: {}, expired_unused: 0, on_hand: 0, sessions: 0 }), key, label }) satisfies CartridgeRow,
  );
}
