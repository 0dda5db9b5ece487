import type { AdverseEventOutcome } from '@skinledger/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An adverse event after a session (domain.md section 7), linked through the session to its lots and device. */
@Entity('adverse_events')
export class AdverseEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'onset_on', type: 'date' }) onsetOn!: string;
  @Column({ type: 'smallint', nullable: true }) grade!: number | null;
  @Column({ name: 'duration_days', type: 'integer', nullable: true }) durationDays!: number | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) treatment!: string;
  @Column({ type: 'text' }) outcome!: AdverseEventOutcome;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt!: Date;
}
