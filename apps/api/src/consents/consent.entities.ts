import type { ConsentAcknowledgement, ConsentKind, ConsentPlaceholderValues } from '@skinledger/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Marks an organization as having received the default templates (once, ever). */
@Entity('consent_template_seeds')
export class ConsentTemplateSeed {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'seeded_at', type: 'timestamptz', insert: false, update: false }) seededAt!: Date;
}

/** The editable head of a template: what it is for, its current version and the medical director's approval. */
@Entity('consent_templates')
export class ConsentTemplate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) kind!: ConsentKind;
  @Column() title!: string;
  @Column({ name: 'is_default' }) isDefault!: boolean;
  @Column({ name: 'current_version', type: 'int' }) currentVersion!: number;
  @Column({ name: 'approved_version', type: 'int', nullable: true }) approvedVersion!: number | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;
  /** The form asks a staff witness to the signature (on the kiosk, or at check-in when signed remotely). */
  @Column({ name: 'witness_required', type: 'boolean', default: true }) witnessRequired!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A published text of a template; never changed or deleted (trigger). */
@Entity('consent_template_versions')
export class ConsentTemplateVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column() title!: string;
  @Column() body!: string;
  @Column({ type: 'jsonb' }) acknowledgements!: ConsentAcknowledgement[];
  @Column({ name: 'valid_days', type: 'int' }) validDays!: number;
  @Column({ name: 'requires_reconsent' }) requiresReconsent!: boolean;
  @Column({ name: 'change_note', type: 'text', nullable: true }) changeNote!: string | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', insert: false, update: false }) publishedAt!: Date;
}

/** A consent prepared for a patient: a frozen snapshot, then the signature, the witness and perhaps a withdrawal. */
@Entity('consent_records')
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId!: string;
  @Column({ name: 'template_version_id', type: 'uuid' }) templateVersionId!: string;
  @Column({ name: 'template_version', type: 'int' }) templateVersion!: number;
  @Column({ type: 'text' }) kind!: ConsentKind;
  @Column() title!: string;
  @Column() body!: string;
  @Column({ type: 'jsonb' }) acknowledgements!: ConsentAcknowledgement[];
  @Column({ name: 'placeholder_values', type: 'jsonb' }) placeholderValues!: ConsentPlaceholderValues;
  @Column({ name: 'valid_days', type: 'int' }) validDays!: number;
  @Column({ name: 'time_zone' }) timeZone!: string;
  /** Who on the staff prepared it; null when prepared as the patient's online booking was confirmed. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** The treating practitioner the consent names; null only on consents prepared before it was recorded. */
  @Column({ name: 'practitioner_id', type: 'uuid', nullable: true }) practitionerId!: string | null;
  /** The appointment of the visit the consent was prepared for (the visit bundle), or null. */
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true }) appointmentId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt!: Date;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @Column({ name: 'signer_name', type: 'text', nullable: true }) signerName!: string | null;
  @Column({ name: 'accepted_acknowledgements', type: 'text', array: true, nullable: true }) acceptedAcknowledgements!: string[] | null;
  @Column({ name: 'electronic_signature_consent', type: 'boolean', nullable: true }) electronicSignatureConsent!: boolean | null;
  @Column({ type: 'text', nullable: true }) signature!: string | null;
  @Column({ name: 'signer_ip', type: 'text', nullable: true }) signerIp!: string | null;
  @Column({ name: 'signer_user_agent', type: 'text', nullable: true }) signerUserAgent!: string | null;
  @Column({ name: 'signed_via_staff', type: 'uuid', nullable: true }) signedViaStaff!: string | null;
  /** Signed by the patient through her manage link (issue 16), not on the clinic's kiosk: no staff member handed over. */
  @Column({ name: 'signed_remotely', type: 'boolean', default: false }) signedRemotely!: boolean;
  @Column({ name: 'content_hash', type: 'text', nullable: true }) contentHash!: string | null;
  @Column({ name: 'witnessed_at', type: 'timestamptz', nullable: true }) witnessedAt!: Date | null;
  @Column({ name: 'witnessed_by', type: 'uuid', nullable: true }) witnessedBy!: string | null;
  @Column({ name: 'witness_name', type: 'text', nullable: true }) witnessName!: string | null;
  @Column({ name: 'record_hash', type: 'text', nullable: true }) recordHash!: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy!: string | null;
  @Column({ name: 'revocation_reason', type: 'text', nullable: true }) revocationReason!: string | null;
}

export const CONSENT_ENTITIES = [ConsentTemplateSeed, ConsentTemplate, ConsentTemplateVersion, ConsentRecord];
