import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditChanges = Record<string, { from?: unknown; to?: unknown }>;

/** One line of the append-only audit trail; the database refuses UPDATE and DELETE on it. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column() action!: string;
  @Column({ name: 'entity_type' }) entityType!: string;
  @Column({ name: 'entity_id', type: 'text', nullable: true }) entityId!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false }) occurredAt!: Date;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) changes!: AuditChanges | null;
  /** The lane of the organization's chain the event is in (0 for events written before the chain began). */
  @Column({ name: 'chain_lane', type: 'smallint', default: 0, select: false }) chainLane!: number;
  /** Position in its lane of the organization's HMAC chain; null for events written before the chain began. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true, select: false }) chainSeq!: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) mac!: Buffer | null;
}
