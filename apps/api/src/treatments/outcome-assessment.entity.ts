import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericNumber } from './treatment-session.entity';

/** One score on one outcome scale (domain.md section 8), optionally tied to a session, a course and photos. */
@Entity('outcome_assessments')
export class OutcomeAssessment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ type: 'text' }) scale!: string;
  @Column({ name: 'scale_version', type: 'text' }) scaleVersion!: string;
  @Column({ type: 'numeric', transformer: numericNumber }) score!: number;
  @Column({ type: 'text', nullable: true }) method!: string | null;
  @Column({ name: 'assessed_on', type: 'date' }) assessedOn!: string;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId!: string | null;
  @Column({ name: 'photo_ids', type: 'uuid', array: true }) photoIds!: string[];
  @Column({ type: 'text' }) notes!: string;
  @Column({ name: 'assessor_id', type: 'uuid' }) assessorId!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt!: Date;
}
