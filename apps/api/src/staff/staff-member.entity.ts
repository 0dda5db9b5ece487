import type { StaffRole } from '@skinledger/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PractitionerCredential } from './practitioner-credential.entity';

@Entity('staff_members')
export class StaffMember {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column() email!: string;
  @Column() name!: string;
  @Column({ type: 'text' }) role!: StaffRole;
  @Column({ name: 'password_hash', select: false }) passwordHash!: string;
  @Column({ name: 'is_active' }) isActive!: boolean;
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @Column({ name: 'default_location_id', type: 'uuid', nullable: true }) defaultLocationId!: string | null;
  @OneToMany(() => PractitionerCredential, (c) => c.staffMember) credentials!: Relation<PractitionerCredential[]>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
