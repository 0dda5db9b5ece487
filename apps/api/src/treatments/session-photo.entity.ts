import type { PhotoAngle, PhotoPhase } from '@skinledger/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A clinical photo of a session; the bytes live in photo storage under `storageKey`, checked by `sha256`. */
@Entity('treatment_session_photos')
export class SessionPhoto {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId!: string;
  @Column({ type: 'text' }) phase!: PhotoPhase;
  @Column({ type: 'text' }) angle!: PhotoAngle;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'byte_size', type: 'integer' }) byteSize!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz', insert: false, update: false }) uploadedAt!: Date;
}
