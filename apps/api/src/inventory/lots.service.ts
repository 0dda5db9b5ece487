import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseUdi, readable, type AuditAction, type Gs1Error, type ScannedUdi } from '@skinledger/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { ConflictError, DomainError, InvalidFieldError, NotFoundError, RuleViolationError } from '../common/problems/domain-error';
import { AuditService, createdFields } from '../audit/audit.service';
import { COUNT_CAP, cappedCount } from '../common/pagination/capped-count';
import { decodeKeysetCursor, type KeysetPart } from '../common/pagination/keyset-cursor';
import { keysetPage } from '../common/pagination/keyset-page';
import { InventoryLocations } from './inventory-locations';
import { LedgerService } from './ledger.service';
import { Lot } from './lot.entity';
import { LotViews, toStockMovementDto } from './lot-views';
import { insertLotIfNew, lotLedgerAndRecalls, type LotLabel, type LotSortKey } from './lots.queries';
import type {
  HoldReasonDto,
  LotDetailDto,
  LotDto,
  LotListQueryDto,
  LotPageDto,
  LotSuggestionDto,
  ReceiptDto,
  ReceiveLotDto,
  ReceiveScanDto,
  ReleaseLotDto,
  ScannedFieldsDto,
} from './lots.dto';
import { Product } from './product.entity';
import { ProductsService } from './products.service';

/** A scanned GTIN the organization has no product for: 404 with what the label said, to offer creating it. */
export class UnknownGtinError extends DomainError {
  constructor(scanned: ScannedFieldsDto) {
    super(404, 'unknown-gtin', 'Not found', `No product with GTIN ${scanned.gtin}; create it first`, { entity: 'Product', scanned });
  }
}

/** A scanned HIBC label whose device id (LIC + product number + unit) no product has: 404, as for a GTIN. */
export class UnknownHibcProductError extends DomainError {
  constructor(scanned: ScannedFieldsDto) {
    super(404, 'unknown-hibc-product', 'Not found', `No product with HIBC device id ${scanned.hibcDeviceId}; create it first`, { entity: 'Product', scanned });
  }
}

/**
 * A label that cannot be read: 400 on `code`, one field error per label error (the dashboard shows them on the
 * field) and `labelErrors` with each error's code and the GS1 AI it concerns.
 */
export class UnreadableLabelError extends DomainError {
  constructor(errors: readonly Gs1Error[]) {
    const messages = errors.map((e) => e.message);
    super(400, 'validation', 'Invalid request', `code: ${messages.join('; ')}`, {
      errors: messages.map((message) => ({ field: 'code', message })),
      labelErrors: errors.map((e) => ({ code: e.code, ...(e.ai ? { ai: e.ai } : {}), message: e.message })),
    });
  }
}

interface ReceiptInput {
  productId: string;
  lotNumber: string;
  expiresOn: string;
  manufacturedOn?: string | null;
  supplier?: string | null;
  locationId: string;
  quantity: number;
  label?: LotLabel | null;
}

/** A lot list cursor: the last lot's expiry date, lot number and id. */
const LOT_CURSOR_SHAPE: readonly KeysetPart[] = ['text', 'text', 'uuid'];

/** Lots: receiving stock (by form or by scan), reading lots with their ledger, FEFO suggestions, quarantine. */
@Injectable()
export class LotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly products: ProductsService,
    private readonly ledger: LedgerService,
    private readonly locations: InventoryLocations,
    private readonly views: LotViews,
  ) {}

  async receive(actor: Actor, input: ReceiveLotDto): Promise<ReceiptDto> {
    return this.dataSource.transaction(async (manager) => {
      const product = await this.products.find(manager, actor, input.productId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new InvalidFieldError('productId', 'no such product in your organization');
        throw error;
      });
      return this.receiveInto(manager, actor, product, input);
    });
  }

  async receiveScan(actor: Actor, input: ReceiveScanDto): Promise<ReceiptDto> {
    return this.dataSource.transaction(async (manager) => {
      const location = await this.locations.find(manager, actor, input.locationId, 'locationId', true);
      const parsed = parseUdi(input.code, { referenceDate: this.locations.today(location) });
      if (!parsed.ok) throw new UnreadableLabelError(parsed.errors);
      const udi = parsed.value;
      const product =
        udi.kind === 'gs1'
          ? await this.products.findByGtin(manager, actor, udi.gtin)
          : await this.products.findByHibcDeviceId(manager, actor, udi.deviceId);
      if (!product) throw udi.kind === 'gs1' ? new UnknownGtinError(scannedFields(udi)) : new UnknownHibcProductError(scannedFields(udi));
      // A GS1 label may give the expiry only as date and time (7003); its date is then the last day of use.
      const expiresOn = udi.expiryDate ?? (udi.kind === 'gs1' ? udi.expiryDateTime?.slice(0, 10) : undefined);
      const names = udi.kind === 'gs1' ? { lot: 'lot (10)', expiry: 'expiry date (17 or 7003)' } : { lot: 'lot', expiry: 'expiry date' };
      const missing = [udi.lot === undefined ? names.lot : null, expiresOn === undefined ? names.expiry : null].filter(Boolean);
      if (missing.length > 0) throw new InvalidFieldError('code', `the barcode has no ${missing.join(' and no ')}; receive this stock with the form`);
      return this.receiveInto(manager, actor, product, {
        productId: product.id,
        lotNumber: udi.lot ?? '',
        expiresOn: expiresOn ?? '',
        manufacturedOn: udi.productionDate ?? null,
        supplier: input.supplier ?? null,
        locationId: location.id,
        quantity: input.quantity,
        label: lotLabel(udi),
      });
    });
  }

  /**
   * Puts stock on the shelf: creates the lot, or adds to the one on record with this number (a second delivery of
   * the same lot), which must then carry the same expiry date.
   */
  private async receiveInto(manager: EntityManager, actor: Actor, product: Product, input: ReceiptInput): Promise<ReceiptDto> {
    const location = await this.locations.find(manager, actor, input.locationId, 'locationId', true);
    if (input.manufacturedOn && input.manufacturedOn > input.expiresOn) {
      throw new InvalidFieldError('manufacturedOn', 'must not be after expiresOn');
    }
    const insertedId = await insertLotIfNew(manager, actor.organizationId, { ...input, productId: product.id });
    const lotCreated = insertedId !== null;
    const existing = lotCreated
      ? undefined
      : await manager.findOneByOrFail(Lot, { organizationId: actor.organizationId, productId: product.id, lotNumber: input.lotNumber });
    const lot = await this.ledger.lockLot(manager, actor, insertedId ?? existing?.id ?? '');
    if (!lotCreated) {
      if (lot.expiresOn !== input.expiresOn) {
        const onRecord = readable(actor.locale).date(lot.expiresOn);
        throw new ConflictError('lot-expiry-mismatch', `Lot ${lot.lotNumber} of this product is on record as expiring on ${onRecord}`, {
          errors: [{ field: 'expiresOn', message: `lot ${lot.lotNumber} is on record as expiring on ${onRecord}` }],
          expiresOnRecord: lot.expiresOn,
        });
      }
      if (lot.status === 'recalled') {
        throw new RuleViolationError(`Lot ${lot.lotNumber} is recalled: do not put it on the shelf`, [
          { code: 'lot-recalled', message: `Lot ${lot.lotNumber} is recalled; return the delivery to the supplier` },
        ]);
      }
    } else {
      await this.audit.record(manager, actor, {
        action: 'lot.created',
        entityType: 'lot',
        entityId: lot.id,
        changes: {
          ...createdFields(lot, ['productId', 'lotNumber', 'expiresOn', 'manufacturedOn', 'supplier']),
          ...(input.label ? { udiData: { to: input.label.data } } : {}),
        },
      });
    }
    const movement = await this.ledger.append(manager, actor, {
      lot,
      locationId: location.id,
      type: 'received',
      quantity: input.quantity,
      occurredOn: this.locations.today(location),
      note: input.supplier && !lotCreated ? `supplier: ${input.supplier}` : null,
    });
    return { lotCreated, lot: await this.views.loadOne(manager, actor, lot.id), movement: toStockMovementDto(movement) };
  }

  /** A keyset page of lots in (expiry, lot number, id) order: one statement, whatever the page size. */
  async list(actor: Actor, query: LotListQueryDto): Promise<LotPageDto> {
    const after = decodeKeysetCursor(query.after, LOT_CURSOR_SHAPE) as LotSortKey | null;
    const page = await this.views.read(this.dataSource.manager, actor, {
      filter: { productId: query.productId, productKind: query.kind, locationId: query.locationId, status: query.status },
      after,
      limit: query.pageSize + 1,
      countCap: COUNT_CAP,
    });
    if (!page.locationFound) throw new InvalidFieldError('locationId', 'no such location in your organization');
    return {
      ...keysetPage(page.lots, query.pageSize, (lot) => [lot.expiresOn, lot.lotNumber, lot.id]),
      total: cappedCount(page.counted ?? 0),
    };
  }

  async get(actor: Actor, id: string): Promise<LotDetailDto> {
    const manager = this.dataSource.manager;
    const lot = await this.views.loadOne(manager, actor, id);
    const { ledger, recalls } = await lotLedgerAndRecalls(manager, actor.organizationId, id);
    return {
      ...lot,
      ledger: ledger.map((m) => toStockMovementDto({ ...m, recordedAt: new Date(m.recordedAt) })),
      recalls: recalls.map((r) => ({
        id: r.id,
        recallClass: r.recall_class,
        reason: r.reason,
        reference: r.reference,
        recordedBy: r.recorded_by,
        recordedAt: new Date(r.recorded_at).toISOString(),
      })),
    };
  }

  /** First expiry, first out: the usable lot with stock at the location that expires soonest. */
  async suggest(actor: Actor, productId: string, locationId: string): Promise<LotSuggestionDto> {
    // `available` at the location means not on hold, not expired there, and in stock; the first in expiry order.
    const page = await this.views.read(this.dataSource.manager, actor, { filter: { productId, locationId, status: 'available' }, limit: 1 });
    if (!page.locationFound) throw new InvalidFieldError('locationId', 'no such location in your organization');
    return { lot: page.lots[0] ?? null };
  }

  async quarantine(actor: Actor, id: string, input: HoldReasonDto): Promise<LotDto> {
    return this.dataSource.transaction(async (manager) => {
      const lot = await this.ledger.lockLot(manager, actor, id);
      if (lot.status !== 'available') {
        throw new ConflictError('lot-on-hold', `Lot ${lot.lotNumber} is already ${lot.status}`, { holdStatus: lot.status });
      }
      await this.setHold(manager, actor, lot, 'quarantined', input.reason, 'lot.quarantined');
      return this.views.loadOne(manager, actor, id);
    });
  }

  async release(actor: Actor, id: string, input: ReleaseLotDto): Promise<LotDto> {
    return this.dataSource.transaction(async (manager) => {
      const lot = await this.ledger.lockLot(manager, actor, id);
      if (lot.status !== 'quarantined') {
        throw new ConflictError('lot-not-quarantined', `Lot ${lot.lotNumber} is ${lot.status}, not quarantined`, { holdStatus: lot.status });
      }
      await this.setHold(manager, actor, lot, 'available', input.reason ?? null, 'lot.released');
      return this.views.loadOne(manager, actor, id);
    });
  }

  /** Changes a lot's hold (the lot must be locked) and audits it. */
  async setHold(
    manager: EntityManager,
    actor: Actor,
    lot: Lot,
    status: Lot['status'],
    reason: string | null,
    action: AuditAction,
  ): Promise<void> {
    await manager.update(
      Lot,
      { id: lot.id },
      { status, statusReason: status === 'available' ? null : reason, statusChangedAt: new Date(), statusChangedBy: actor.staffMemberId },
    );
    await this.audit.record(manager, actor, {
      action,
      entityType: 'lot',
      entityId: lot.id,
      changes: { status: { from: lot.status, to: status }, ...(reason ? { reason: { to: reason } } : {}) },
    });
  }
}

/** What the label said, for the 404 that offers to create the product. */
function scannedFields(udi: ScannedUdi): ScannedFieldsDto {
  const fields: ScannedFieldsDto = udi.kind === 'gs1' ? { gtin: udi.gtin } : { hibcDeviceId: udi.deviceId };
  if (udi.lot !== undefined) fields.lotNumber = udi.lot;
  if (udi.expiryDate !== undefined) fields.expiresOn = udi.expiryDate;
  if (udi.productionDate !== undefined) fields.manufacturedOn = udi.productionDate;
  if (udi.serial !== undefined) fields.serialNumber = udi.serial;
  return fields;
}

/** The label kept on the lot: the whole element string (or HIBC data) and the GS1 fields 240, 7003 and 30. */
function lotLabel(udi: ScannedUdi): LotLabel {
  if (udi.kind === 'hibc') return { format: 'hibc', data: udi.data };
  return {
    format: 'gs1',
    data: udi.elementString,
    additionalProductId: udi.additionalProductId ?? null,
    expiresAt: udi.expiryDateTime ?? null,
    itemCount: udi.count ?? null,
  };
}
