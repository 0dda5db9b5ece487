import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A clinic site. Its IANA time zone is how every time at this location is shown. */
@Entity('locations')
export class Location {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column() name!: string;
  @Column() address!: string;
  @Column() phone!: string;
  @Column() timezone!: string;
  /** ISO 3166-1 alpha-2: how phone numbers typed without a country code are read here. */
  @Column({ name: 'country_code', type: 'text' }) countryCode!: string;
  /** WGS 84 degrees, both or neither: the public booking page sorts locations by distance with them (issue 16). */
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'is_active' }) isActive!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
