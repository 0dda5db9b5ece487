import type { DeviceServiceKind, DeviceStatus } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reusable pen handpiece, tracked by serial number (domain.md section 9). */
@Entity('devices')
export class Device {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'location_id', type: 'uuid' }) locationId!: string;
  @Column() model!: string;
  @Column({ name: 'serial_number' }) serialNumber!: string;
  @Column({ type: 'text' }) status!: DeviceStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Column() notes!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One entry of a handpiece's service log; never changed or deleted. */
@Entity('device_service_events')
export class DeviceServiceEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ type: 'text' }) kind!: DeviceServiceKind;
  @Column() description!: string;
  @Column({ name: 'performed_by', type: 'text', nullable: true }) performedBy!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt!: Date;
}
