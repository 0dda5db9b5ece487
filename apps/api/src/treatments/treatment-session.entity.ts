import type { PreflightCode, ProcedureKind } from '@skinledger/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** numeric columns arrive from pg as strings; depths and scores are read back as numbers. */
export const numericNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

export interface TopicalProductUse {
  name: string;
  lotNumber: string | null;
}

export interface ContraindicationAcknowledgement {
  code: string;
  reason: string;
}

export interface RecordedWarning {
  /** Written from the preflight's warnings when the session started. */
  code: PreflightCode;
  message: string;
}

export type TreatmentSessionStatus = 'in_progress' | 'signed';

/** One needling session: who, where, with which device, how deep per zone; locked by the practitioner's signature. */
@Entity('treatment_sessions')
export class TreatmentSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ name: 'location_id', type: 'uuid' }) locationId!: string;
  @Column({ name: 'practitioner_id', type: 'uuid' }) practitionerId!: string;
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true }) appointmentId!: string | null;
  @Column({ name: 'walk_in_reason', type: 'text', nullable: true }) walkInReason!: string | null;
  /** What the session treats (libs/domain TREATMENT_INDICATIONS); null for sessions charted before it was recorded. */
  @Column({ type: 'text', nullable: true }) indication!: string | null;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ name: 'procedure_kind', type: 'text' }) procedureKind!: ProcedureKind;
  @Column({ name: 'max_depth_mm', type: 'numeric', transformer: numericNumber }) maxDepthMm!: number;
  @Column({ name: 'performed_on', type: 'date' }) performedOn!: string;
  @Column({ name: 'started_at', type: 'timestamptz', insert: false, update: false }) startedAt!: Date;
  @Column({ type: 'text', nullable: true }) technique!: string | null;
  @Column({ name: 'clinical_endpoint', type: 'text', nullable: true }) clinicalEndpoint!: string | null;
  @Column({ name: 'erythema_grade', type: 'smallint', nullable: true }) erythemaGrade!: number | null;
  @Column({ name: 'anesthetic_product', type: 'text', nullable: true }) anestheticProduct!: string | null;
  @Column({ name: 'anesthetic_strength', type: 'text', nullable: true }) anestheticStrength!: string | null;
  @Column({ name: 'anesthetic_lot_number', type: 'text', nullable: true }) anestheticLotNumber!: string | null;
  @Column({ name: 'anesthetic_area', type: 'text', nullable: true }) anestheticArea!: string | null;
  @Column({ name: 'anesthetic_applied_at', type: 'timestamptz', nullable: true }) anestheticAppliedAt!: Date | null;
  @Column({ name: 'anesthetic_removed_at', type: 'timestamptz', nullable: true }) anestheticRemovedAt!: Date | null;
  @Column({ name: 'topical_products', type: 'jsonb' }) topicalProducts!: TopicalProductUse[];
  @Column({ name: 'post_care_instructions', type: 'text', nullable: true }) postCareInstructions!: string | null;
  @Column({ type: 'text' }) notes!: string;
  @Column({ type: 'jsonb' }) acknowledgements!: ContraindicationAcknowledgement[];
  @Column({ name: 'preflight_warnings', type: 'jsonb' }) preflightWarnings!: RecordedWarning[];
  @Column({ name: 'photos_planned', type: 'boolean' }) photosPlanned!: boolean;
  @Column({ type: 'text' }) status!: TreatmentSessionStatus;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt!: Date;
}

/** Depth and passes in one zone of a session (domain.md section 2). */
@Entity('treatment_session_zones')
export class TreatmentSessionZone {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ type: 'text' }) zone!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'depth_mm', type: 'numeric', transformer: numericNumber }) depthMm!: number;
  @Column({ type: 'smallint' }) passes!: number;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason!: string | null;
  @Column({ type: 'smallint' }) position!: number;
}

/** A correction or later note on a session; never changed or deleted. */
@Entity('treatment_session_addenda')
export class TreatmentSessionAddendum {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
}
