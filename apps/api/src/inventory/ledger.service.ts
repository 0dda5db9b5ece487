import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lotUseBlockers, readable, type ClinicLocale, type IsoDate, type StockMovementType } from '@skinledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { InventoryLocations, type InventoryLocation } from './inventory-locations';
import { Lot } from './lot.entity';
import { LotViews, toStockMovementDto } from './lot-views';
import type { MovementResultDto, RecordMovementDto, StockMovementDto } from './lots.dto';
import { StockMovement } from './stock-movement.entity';
import { movementSum } from './stock.queries';

/** One ledger row to append; the database derives its signed delta and moves the balance. */
export interface MovementInput {
  lot: Lot;
  locationId: string;
  type: StockMovementType;
  quantity: number;
  occurredOn: IsoDate;
  direction?: 'in' | 'out';
  transferId?: string;
  counterpartLocationId?: string;
  reason?: string | null;
  note?: string | null;
  treatmentSessionId?: string;
}

export interface RecordUseInput {
  lotId: string;
  locationId: string;
  treatmentSessionId: string;
  /** The session's calendar date at the location: a lot expired on it, recalled or quarantined is refused. */
  onDate: IsoDate;
  /** E.g. why a second cartridge was needed in one session. */
  reason?: string;
  /** Defaults to 1 (one cartridge per patient per session). */
  quantity?: number;
}

/**
 * The stock ledger: every change of stock is an appended movement, never an edit. Withdrawals lock the lot row
 * (SELECT ... FOR UPDATE) before summing what is on the shelf, so concurrent withdrawals queue; the database's
 * balance CHECK refuses a negative result even if a caller forgets.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly locations: InventoryLocations,
    private readonly views: LotViews,
  ) {}

  /** The lot, locked for the rest of the caller's transaction. */
  async lockLot(manager: EntityManager, actor: Actor, lotId: string): Promise<Lot> {
    const lot = await manager
      .createQueryBuilder(Lot, 'l')
      .setLock('pessimistic_write')
      .where('l.id = :id AND l.organization_id = :org', { id: lotId, org: actor.organizationId })
      .getOne();
    if (!lot) throw new NotFoundError('Lot', lotId);
    return lot;
  }

  /** On-hand of a lot at a location: the sum of its movements there. */
  onHand(manager: EntityManager, lotId: string, locationId: string): Promise<number> {
    return movementSum(manager, lotId, locationId);
  }

  /** Appends one movement in the caller's transaction and audits it. */
  async append(manager: EntityManager, actor: Actor, input: MovementInput): Promise<StockMovement> {
    let movement: StockMovement;
    try {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(StockMovement)
        .values({
          organizationId: actor.organizationId,
          lotId: input.lot.id,
          locationId: input.locationId,
          type: input.type,
          quantity: input.quantity,
          direction: input.direction ?? null,
          transferId: input.transferId ?? null,
          counterpartLocationId: input.counterpartLocationId ?? null,
          reason: input.reason ?? null,
          note: input.note ?? null,
          treatmentSessionId: input.treatmentSessionId ?? null,
          occurredOn: input.occurredOn,
          recordedBy: actor.staffMemberId,
        })
        .returning('id')
        .execute();
      movement = await manager.findOneByOrFail(StockMovement, { id: (result.identifiers[0] as { id: string }).id });
    } catch (error) {
      // The database's own guard (a caller that skipped assertInStock). The transaction is aborted and the lot stays
      // locked until it rolls back, so the shelf is not read again here.
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'stock_balances_not_negative') {
        throw insufficientStock(input.lot, null, Math.abs(input.quantity));
      }
      throw error;
    }
    await this.audit.record(manager, actor, {
      action: `stock.${input.type}`,
      entityType: 'lot',
      entityId: input.lot.id,
      changes: {
        movementId: { to: movement.id },
        locationId: { to: movement.locationId },
        quantity: { to: movement.quantity },
        delta: { to: movement.delta },
        ...(movement.reason ? { reason: { to: movement.reason } } : {}),
        ...(movement.transferId ? { transferId: { to: movement.transferId } } : {}),
        ...(movement.treatmentSessionId ? { treatmentSessionId: { to: movement.treatmentSessionId } } : {}),
      },
    });
    return movement;
  }

  /** Refuses a withdrawal of more than is on the shelf (the lot must already be locked). */
  async assertInStock(manager: EntityManager, lot: Lot, locationId: string, quantity: number): Promise<void> {
    const onHand = await this.onHand(manager, lot.id, locationId);
    if (onHand < quantity) throw insufficientStock(lot, onHand, quantity);
  }

  /**
   * One unit (or `quantity`) of the lot used in a treatment session, inside the session's own transaction.
   * Refuses a lot expired on the session date, recalled or quarantined (422), and more than is on the shelf (409).
   */
  async recordUse(manager: EntityManager, actor: Actor, input: RecordUseInput): Promise<StockMovementDto> {
    const quantity = input.quantity ?? 1;
    const lot = await this.lockLot(manager, actor, input.lotId);
    await this.locations.find(manager, actor, input.locationId, 'locationId');
    assertUsable(lot, input.onDate, actor.locale);
    await this.assertInStock(manager, lot, input.locationId, quantity);
    const movement = await this.append(manager, actor, {
      lot,
      locationId: input.locationId,
      type: 'used',
      quantity,
      occurredOn: input.onDate,
      reason: input.reason ?? null,
      treatmentSessionId: input.treatmentSessionId,
    });
    return toStockMovementDto(movement);
  }

  /** Waste, count adjustment, transfer or return, recorded by hand. */
  async record(actor: Actor, lotId: string, input: RecordMovementDto): Promise<MovementResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const lot = await this.lockLot(manager, actor, lotId);
      const from = await this.locations.find(manager, actor, input.locationId, 'locationId');
      const today = this.locations.today(from);
      const movements: StockMovement[] = [];
      switch (input.type) {
        case 'wasted':
        case 'returned':
          await this.assertInStock(manager, lot, from.id, input.quantity);
          movements.push(await this.append(manager, actor, { lot, locationId: from.id, type: input.type, quantity: input.quantity, occurredOn: today, reason: input.reason ?? null, note: input.note ?? null }));
          break;
        case 'adjusted':
          if (input.quantity < 0) await this.assertInStock(manager, lot, from.id, -input.quantity);
          // A count may find fewer units of a held lot, never put more of it on the shelf.
          else if (lot.status !== 'available') {
            throw new RuleViolationError(`Lot ${lot.lotNumber} is ${lot.status}: its count can only go down`, [
              { code: lot.status === 'recalled' ? 'lot-recalled' : 'lot-quarantined', message: 'only negative adjustments are allowed on a lot on hold' },
            ]);
          }
          movements.push(await this.append(manager, actor, { lot, locationId: from.id, type: 'adjusted', quantity: input.quantity, occurredOn: today, reason: input.reason ?? null, note: input.note ?? null }));
          break;
        case 'transferred':
          movements.push(...(await this.transfer(manager, actor, lot, from, input)));
          break;
      }
      return { lot: await this.views.loadOne(manager, actor, lot.id), movements: movements.map(toStockMovementDto) };
    });
  }

  private async transfer(manager: EntityManager, actor: Actor, lot: Lot, from: InventoryLocation, input: RecordMovementDto): Promise<StockMovement[]> {
    if (!input.toLocationId) throw new InvalidFieldError('toLocationId', 'toLocationId is required for a transfer');
    if (input.toLocationId === from.id) throw new InvalidFieldError('toLocationId', 'must be another location than locationId');
    const to = await this.locations.find(manager, actor, input.toLocationId, 'toLocationId', true);
    // Neither end may receive stock that cannot be used there.
    assertUsable(lot, this.locations.today(from), actor.locale);
    assertUsable(lot, this.locations.today(to), actor.locale);
    await this.assertInStock(manager, lot, from.id, input.quantity);
    const transferId = randomUUID();
    const common = { lot, type: 'transferred' as const, quantity: input.quantity, transferId, reason: input.reason ?? null, note: input.note ?? null };
    return [
      await this.append(manager, actor, { ...common, locationId: from.id, direction: 'out', counterpartLocationId: to.id, occurredOn: this.locations.today(from) }),
      await this.append(manager, actor, { ...common, locationId: to.id, direction: 'in', counterpartLocationId: from.id, occurredOn: this.locations.today(to) }),
    ];
  }
}

/** A lot expired on `onDate`, recalled or quarantined may be wasted or returned, but not used or transferred. */
export function assertUsable(lot: Lot, onDate: IsoDate, locale?: ClinicLocale): void {
  const blockers = lotUseBlockers({ holdStatus: lot.status, expiresOn: lot.expiresOn, lotNumber: lot.lotNumber }, onDate, readable(locale));
  if (blockers.length > 0) {
    throw new RuleViolationError(`Lot ${lot.lotNumber} cannot be used or transferred; it can only be wasted or returned`, blockers.map((b) => ({ ...b })));
  }
}

function insufficientStock(lot: Lot, onHand: number | null, requested: number): ConflictError {
  const detail =
    onHand === null
      ? `Lot ${lot.lotNumber}: taking ${requested} would leave negative stock at this location`
      : `Lot ${lot.lotNumber} has ${onHand} on hand at this location; ${requested} requested`;
  return new ConflictError('insufficient-stock', detail, { onHand, requested });
}
