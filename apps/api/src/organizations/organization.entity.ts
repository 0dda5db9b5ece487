import type { ClinicLocale } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The practice: owns every other record. Settings hold the clinic's adjustable clinical defaults. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column({ type: 'jsonb', default: {} }) settings!: Record<string, unknown>;
  /** The clinic's English variant: how dates, times and words are written. */
  @Column({ type: 'text', default: 'en-US' }) locale!: ClinicLocale;
  /** The clinic's name on the public booking API and pages (a database default gives every clinic one). */
  @Column({ name: 'public_booking_slug', type: 'text', insert: false, update: false }) publicBookingSlug!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
