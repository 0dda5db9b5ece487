import type { LotHoldStatus } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A production lot of a product. Its stock lives in the ledger; only holds (quarantine, recall) are stored here. */
@Entity('lots')
export class Lot {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @Column({ name: 'lot_number' }) lotNumber!: string;
  @Column({ name: 'expires_on', type: 'date' }) expiresOn!: string;
  @Column({ name: 'manufactured_on', type: 'date', nullable: true }) manufacturedOn!: string | null;
  @Column({ type: 'text', nullable: true }) supplier!: string | null;
  @Column({ type: 'text' }) status!: LotHoldStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true }) statusChangedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
