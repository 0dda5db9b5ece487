import type { AllergyClass, PatientSex } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface PatientAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface EmergencyContact {
  name: string;
  relationship?: string;
  phone?: string;
}

/** An allergy as stored: the class is always set (inferred from the substance when it was not given). */
export interface PatientAllergy {
  substance: string;
  class: AllergyClass;
}

/**
 * A patient of one organization. Never deleted (the database refuses): archived patients are hidden from lists and
 * cannot be booked. `phone_digits` and `search_name` are generated columns used only by search queries.
 */
@Entity('patients')
export class Patient {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column() mrn!: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  @Column({ name: 'first_name' }) firstName!: string;
  @Column({ name: 'last_name' }) lastName!: string;
  @Column({ name: 'preferred_name', type: 'text', nullable: true }) preferredName!: string | null;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth!: string;
  @Column({ type: 'text' }) sex!: PatientSex;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'jsonb', nullable: true }) address!: PatientAddress | null;
  @Column({ name: 'emergency_contact', type: 'jsonb', nullable: true }) emergencyContact!: EmergencyContact | null;
  @Column({ name: 'fitzpatrick_type', type: 'smallint', nullable: true }) fitzpatrickType!: number | null;
  @Column({ type: 'jsonb' }) allergies!: PatientAllergy[];
  @Column() notes!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @Column({ name: 'archived_by', type: 'uuid', nullable: true }) archivedBy!: string | null;
  @Column({ name: 'archive_reason', type: 'text', nullable: true }) archiveReason!: string | null;
  /** Registered by the patient herself through online booking: staff verify her identity at check-in. */
  @Column({ name: 'self_registered', type: 'boolean', default: false }) selfRegistered!: boolean;
  /** When and by whom staff checked a self-registered patient's identity (issue 16); null until then. */
  @Column({ name: 'identity_verified_at', type: 'timestamptz', nullable: true }) identityVerifiedAt!: Date | null;
  @Column({ name: 'identity_verified_by', type: 'uuid', nullable: true }) identityVerifiedBy!: string | null;
  /** A self-registered record merged into an existing one (issue 16): kept, archived, pointing at the survivor. */
  @Column({ name: 'merged_into_patient_id', type: 'uuid', nullable: true }) mergedIntoPatientId!: string | null;
  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true }) mergedAt!: Date | null;
  @Column({ name: 'merged_by', type: 'uuid', nullable: true }) mergedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
