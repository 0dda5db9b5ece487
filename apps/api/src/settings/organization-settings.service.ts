import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationSettingsStore } from '../organizations/organization-settings.repository';
import { SETTING_AUDITS, type OrganizationSettingKey, type OrganizationSettingTypes } from './organization-settings.keys';

/**
 * The one way to an organization's settings: each key typed (organization-settings.keys.ts), stored in the
 * organization's `settings` column (the organizations module keeps the column; this service is its only user).
 * Callers validate a value before replacing it and apply their own defaults to what they read.
 */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: OrganizationSettingsStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The stored value of one key, or null when the clinic never set it; in the caller's transaction. */
  async read<K extends OrganizationSettingKey>(manager: EntityManager, organizationId: string, key: K, lock = false): Promise<OrganizationSettingTypes[K] | null> {
    return (await this.store.read(manager, organizationId, key, lock)) as OrganizationSettingTypes[K] | null;
  }

  /** Replaces one key for the actor's organization and audits a change, in one transaction (the row locked meanwhile). */
  async replace<K extends OrganizationSettingKey>(actor: Actor, key: K, value: OrganizationSettingTypes[K]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, actor.organizationId, key, true);
      await this.store.write(manager, actor.organizationId, key, value);
      const audit = SETTING_AUDITS[key];
      const changes = audit.changes(before, value, this.config);
      if (changes) await this.audit.record(manager, actor, { action: audit.action, entityType: 'organization', entityId: actor.organizationId, changes });
    });
  }
}
