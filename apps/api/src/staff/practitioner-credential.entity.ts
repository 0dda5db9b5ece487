import type { LicenceType } from '@skinledger/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StaffMember } from './staff-member.entity';

/** A practitioner's licence: what it allows depends on its type (domain.md section 1); expired means no treating. */
@Entity('practitioner_credentials')
export class PractitionerCredential {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'staff_member_id', type: 'uuid' }) staffMemberId!: string;
  @ManyToOne(() => StaffMember, (s) => s.credentials)
  @JoinColumn({ name: 'staff_member_id' })
  staffMember!: Relation<StaffMember>;
  @Column({ name: 'licence_type', type: 'text' }) licenceType!: LicenceType;
  @Column({ name: 'licence_number' }) licenceNumber!: string;
  @Column() jurisdiction!: string;
  @Column({ name: 'expires_on', type: 'date' }) expiresOn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
