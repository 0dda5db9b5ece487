import type { MedicalHistoryAnswers } from '@skinledger/domain';

export type MedicalHistorySource = 'staff' | 'patient';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded version of a patient's medical-history questionnaire. The database refuses UPDATE and DELETE. */
@Entity('patient_medical_histories')
export class MedicalHistoryVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) answers!: MedicalHistoryAnswers;
  /** Who on the staff recorded it; null for a version the patient filled in herself (source 'patient'). */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  /** 'staff': entered by a staff member; 'patient': filled in by the patient through her manage link (issue 16). */
  @Column({ type: 'text', default: 'staff' }) source!: MedicalHistorySource;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false }) recordedAt!: Date;
}
