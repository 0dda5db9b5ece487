import type { StockMovementType } from '@skinledger/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the stock ledger; the database refuses UPDATE and DELETE, and keeps the balances from it. */
@Entity('stock_movements')
export class StockMovement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'lot_id', type: 'uuid' }) lotId!: string;
  @Column({ name: 'location_id', type: 'uuid' }) locationId!: string;
  @Column({ type: 'text' }) type!: StockMovementType;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ type: 'text', nullable: true }) direction!: 'in' | 'out' | null;
  @Column({ name: 'transfer_id', type: 'uuid', nullable: true }) transferId!: string | null;
  @Column({ name: 'counterpart_location_id', type: 'uuid', nullable: true }) counterpartLocationId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'treatment_session_id', type: 'uuid', nullable: true }) treatmentSessionId!: string | null;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt!: Date;
  /** Generated: the signed effect on the on-hand count at location_id. */
  @Column({ type: 'integer', insert: false, update: false }) delta!: number;
}
