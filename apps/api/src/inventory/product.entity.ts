import type { ProductKind } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Something the clinic stocks by lot: a needle cartridge, an anaesthetic, a serum. */
@Entity('products')
export class Product {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column() manufacturer!: string;
  @Column() name!: string;
  @Column({ type: 'text', nullable: true }) gtin!: string | null;
  /** How an HIBC label names the product: LIC + product number + unit of measure. */
  @Column({ name: 'hibc_device_id', type: 'text', nullable: true }) hibcDeviceId!: string | null;
  @Column({ type: 'text' }) kind!: ProductKind;
  @Column({ name: 'needle_count', type: 'smallint', nullable: true }) needleCount!: number | null;
  @Column({ name: 'single_use' }) singleUse!: boolean;
  /** The usable stock each location should keep at least; below it the product shows in the alerts. */
  @Column({ name: 'reorder_threshold', type: 'integer' }) reorderThreshold!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
