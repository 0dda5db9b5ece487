import type { MedicalHistoryAnswers } from '@skinledger/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded version of a patient's medical-history questionnaire. The database refuses UPDATE and DELETE. */
@Entity('patient_medical_histories')
export class MedicalHistoryVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) answers!: MedicalHistoryAnswers;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false }) recordedAt!: Date;
}
