import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeGtin } from '@skinledger/domain';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService, createdFields } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, InvalidFieldError, NotFoundError } from '../common/problems/domain-error';
import { Product } from './product.entity';
import type { CreateProductDto, ProductDto, ProductListQueryDto } from './products.dto';

const AUDITED_FIELDS = ['manufacturer', 'name', 'gtin', 'hibcDeviceId', 'kind', 'needleCount', 'singleUse', 'reorderThreshold'] as const;

export function toProductDto(p: Product): ProductDto {
  return {
    id: p.id,
    manufacturer: p.manufacturer,
    name: p.name,
    gtin: p.gtin,
    hibcDeviceId: p.hibcDeviceId,
    kind: p.kind,
    needleCount: p.needleCount,
    singleUse: p.singleUse,
    reorderThreshold: p.reorderThreshold,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The organization's product catalogue. A GTIN names one product per organization. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ProductListQueryDto): Promise<ProductDto[]> {
    const products = await this.dataSource.getRepository(Product).find({
      where: {
        organizationId: actor.organizationId,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.gtin ? { gtin: normalizeGtin(query.gtin) ?? query.gtin } : {}),
      },
      order: { manufacturer: 'ASC', name: 'ASC', id: 'ASC' },
    });
    return products.map(toProductDto);
  }

  async get(actor: Actor, id: string): Promise<ProductDto> {
    return toProductDto(await this.find(this.dataSource.manager, actor, id));
  }

  async find(manager: EntityManager, actor: Actor, id: string): Promise<Product> {
    const product = await manager.findOneBy(Product, { id, organizationId: actor.organizationId });
    if (!product) throw new NotFoundError('Product', id);
    return product;
  }

  /** The product with this GTIN (any GTIN length), or null. */
  async findByGtin(manager: EntityManager, actor: Actor, gtin: string): Promise<Product | null> {
    const normalized = normalizeGtin(gtin);
    if (!normalized) return null;
    return manager.findOneBy(Product, { organizationId: actor.organizationId, gtin: normalized });
  }

  /** The product an HIBC label names (LIC + product number + unit of measure), or null. */
  async findByHibcDeviceId(manager: EntityManager, actor: Actor, hibcDeviceId: string): Promise<Product | null> {
    return manager.findOneBy(Product, { organizationId: actor.organizationId, hibcDeviceId });
  }

  async create(actor: Actor, input: CreateProductDto): Promise<ProductDto> {
    const isCartridge = input.kind === 'needle_cartridge';
    if (input.needleCount !== undefined && !isCartridge) {
      throw new InvalidFieldError('needleCount', 'only needle cartridges have a needle count');
    }
    if (isCartridge && input.singleUse === false) {
      throw new InvalidFieldError('singleUse', 'needle cartridges are sterile and single use');
    }
    const gtin = input.gtin === undefined ? null : normalizeGtin(input.gtin);
    return this.dataSource.transaction(async (manager) => {
      if (gtin && (await this.findByGtin(manager, actor, gtin))) throw gtinTaken(gtin);
      const hibcDeviceId = input.hibcDeviceId ?? null;
      if (hibcDeviceId && (await this.findByHibcDeviceId(manager, actor, hibcDeviceId))) throw hibcDeviceIdTaken(hibcDeviceId);
      let product: Product;
      try {
        product = await manager.save(
          manager.create(Product, {
            organizationId: actor.organizationId,
            manufacturer: input.manufacturer,
            name: input.name,
            gtin,
            hibcDeviceId,
            kind: input.kind,
            needleCount: input.needleCount ?? null,
            singleUse: input.singleUse ?? isCartridge,
            reorderThreshold: input.reorderThreshold ?? 0,
          }),
        );
      } catch (error) {
        // Two creates of the same GTIN at once: the unique constraint decides.
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'products_gtin_unique') {
          throw gtinTaken(gtin ?? '');
        }
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'products_hibc_device_id_unique') {
          throw hibcDeviceIdTaken(hibcDeviceId ?? '');
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'product.created',
        entityType: 'product',
        entityId: product.id,
        changes: createdFields(product, AUDITED_FIELDS),
      });
      return toProductDto(product);
    });
  }
}

function gtinTaken(gtin: string): ConflictError {
  return new ConflictError('gtin-taken', `A product with GTIN ${gtin} already exists`, {
    errors: [{ field: 'gtin', message: 'a product with this GTIN already exists' }],
  });
}

function hibcDeviceIdTaken(hibcDeviceId: string): ConflictError {
  return new ConflictError('hibc-device-id-taken', `A product with HIBC device id ${hibcDeviceId} already exists`, {
    errors: [{ field: 'hibcDeviceId', message: 'a product with this HIBC device id already exists' }],
  });
}
