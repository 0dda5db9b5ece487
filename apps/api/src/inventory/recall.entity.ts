import type { RecallClass } from '@skinledger/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A recall the clinic acted on: from one lot's page, or from a manufacturer's notice naming a GTIN and lots. */
@Entity('recalls')
export class Recall {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'product_id', type: 'uuid', nullable: true }) productId!: string | null;
  @Column({ type: 'text', nullable: true }) gtin!: string | null;
  @Column({ name: 'recall_class', type: 'text' }) recallClass!: RecallClass;
  @Column() reason!: string;
  @Column({ type: 'text', nullable: true }) reference!: string | null;
  @Column({ type: 'text' }) source!: 'lot' | 'notice';
  @Column({ name: 'lot_numbers', type: 'text', array: true }) lotNumbers!: string[];
  @Column({ name: 'lot_numbers_not_found', type: 'text', array: true }) lotNumbersNotFound!: string[];
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt!: Date;
}

@Entity('recall_lots')
export class RecallLot {
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @PrimaryColumn({ name: 'recall_id', type: 'uuid' }) recallId!: string;
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' }) lotId!: string;
}
