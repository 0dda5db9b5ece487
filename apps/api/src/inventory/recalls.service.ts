import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeGtin } from '@skinledger/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError } from '../common/problems/domain-error';
import { LedgerService } from './ledger.service';
import { Lot } from './lot.entity';
import { LotViews } from './lot-views';
import type { LotDto, RecallLotDto } from './lots.dto';
import { LotsService } from './lots.service';
import { Product } from './product.entity';
import { Recall, RecallLot } from './recall.entity';
import type { RecallDto, RecallNoticeDto, RecallNoticeResultDto, RecalledLotDto } from './recalls.dto';
import { lotOnHand } from './stock.queries';

function toRecallDto(recall: Recall, lotIds: string[]): RecallDto {
  return {
    id: recall.id,
    productId: recall.productId,
    gtin: recall.gtin,
    recallClass: recall.recallClass,
    reason: recall.reason,
    reference: recall.reference,
    source: recall.source,
    lotNumbers: recall.lotNumbers,
    lotIds,
    lotNumbersNotFound: recall.lotNumbersNotFound,
    recordedBy: recall.recordedBy,
    recordedAt: recall.recordedAt.toISOString(),
  };
}

/**
 * Recalls: marking lots recalled blocks their use at once (the same transaction); each recall is recorded with who,
 * when, its class and reference, and which lots it hit.
 */
@Injectable()
export class RecallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly lots: LotsService,
    private readonly views: LotViews,
  ) {}

  async list(actor: Actor): Promise<RecallDto[]> {
    const recalls = await this.dataSource.getRepository(Recall).find({
      where: { organizationId: actor.organizationId },
      order: { recordedAt: 'DESC', id: 'DESC' },
    });
    const links = recalls.length
      ? await this.dataSource.getRepository(RecallLot).findBy({ recallId: In(recalls.map((r) => r.id)) })
      : [];
    return recalls.map((r) => toRecallDto(r, links.filter((l) => l.recallId === r.id).map((l) => l.lotId)));
  }

  /** Recalls one lot from its page. */
  async recallLot(actor: Actor, lotId: string, input: RecallLotDto): Promise<LotDto> {
    return this.dataSource.transaction(async (manager) => {
      const lot = await this.ledger.lockLot(manager, actor, lotId);
      if (lot.status === 'recalled') throw new ConflictError('lot-already-recalled', `Lot ${lot.lotNumber} is already recalled`);
      const product = await manager.findOneByOrFail(Product, { id: lot.productId, organizationId: actor.organizationId });
      const recall = await this.saveRecall(manager, actor, {
        productId: product.id,
        gtin: product.gtin,
        recallClass: input.recallClass,
        reason: input.reason,
        reference: input.reference ?? null,
        source: 'lot',
        lotNumbers: [lot.lotNumber],
        lotNumbersNotFound: [],
      });
      await this.markRecalled(manager, actor, recall, lot);
      return this.views.loadOne(manager, actor, lot.id);
    });
  }

  /** Acts on a manufacturer's notice: every named lot on record is recalled; the rest are reported as not found. */
  async recallNotice(actor: Actor, input: RecallNoticeDto): Promise<RecallNoticeResultDto> {
    const gtin = normalizeGtin(input.gtin) ?? input.gtin;
    const lotNumbers = [...new Set(input.lotNumbers)];
    return this.dataSource.transaction(async (manager) => {
      const product = await manager.findOneBy(Product, { organizationId: actor.organizationId, gtin });
      const lots = product
        ? await manager
            .createQueryBuilder(Lot, 'l')
            .setLock('pessimistic_write')
            .where('l.organization_id = :org AND l.product_id = :product AND l.lot_number IN (:...numbers)', {
              org: actor.organizationId,
              product: product.id,
              numbers: lotNumbers,
            })
            .orderBy('l.lot_number')
            .getMany()
        : [];
      const notFound = lotNumbers.filter((n) => !lots.some((l) => l.lotNumber === n));
      const recall = await this.saveRecall(manager, actor, {
        productId: product?.id ?? null,
        gtin,
        recallClass: input.recallClass,
        reason: input.reason,
        reference: input.reference ?? null,
        source: 'notice',
        lotNumbers,
        lotNumbersNotFound: notFound,
      });
      const found: RecalledLotDto[] = [];
      for (const lot of lots) {
        const newlyRecalled = lot.status !== 'recalled';
        await this.markRecalled(manager, actor, recall, lot);
        found.push({ lotId: lot.id, lotNumber: lot.lotNumber, newlyRecalled, onHand: await lotOnHand(manager, lot.id) });
      }
      return { recall: toRecallDto(recall, lots.map((l) => l.id)), found, notFound };
    });
  }

  private async saveRecall(manager: EntityManager, actor: Actor, fields: Omit<Recall, 'id' | 'organizationId' | 'recordedBy' | 'recordedAt'>): Promise<Recall> {
    const { identifiers } = await manager.insert(Recall, { ...fields, organizationId: actor.organizationId, recordedBy: actor.staffMemberId });
    const recall = await manager.findOneByOrFail(Recall, { id: (identifiers[0] as { id: string }).id });
    await this.audit.record(manager, actor, {
      action: 'recall.recorded',
      entityType: 'recall',
      entityId: recall.id,
      changes: createdFields(recall, ['gtin', 'recallClass', 'reason', 'reference', 'lotNumbers', 'lotNumbersNotFound']),
    });
    return recall;
  }

  /** Links the lot to the recall and puts it on hold (the lot must be locked); an already recalled lot stays so. */
  private async markRecalled(manager: EntityManager, actor: Actor, recall: Recall, lot: Lot): Promise<void> {
    await manager.insert(RecallLot, { organizationId: actor.organizationId, recallId: recall.id, lotId: lot.id });
    if (lot.status === 'recalled') return;
    const reason = `Class ${recall.recallClass} recall${recall.reference ? ` ${recall.reference}` : ''}: ${recall.reason}`;
    await this.lots.setHold(manager, actor, lot, 'recalled', reason, 'lot.recalled');
  }
}
