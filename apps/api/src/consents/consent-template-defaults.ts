import { Injectable } from '@nestjs/common';
import { DEFAULT_CONSENT_TEMPLATES } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { ConsentTemplate, ConsentTemplateVersion } from './consent.entities';
import { claimDefaultTemplateSeed } from './consent-templates.queries';

/**
 * Seeds the default templates (domain.md section 6) once per organization: at setup (inside its transaction), and
 * lazily for organizations created before consents existed or by other paths (the demo, tests), the first time their
 * templates or consents are touched. `consent_template_seeds` makes it exactly once, also under concurrency.
 * Seeded templates need review with the medical director (no approval yet).
 */
@Injectable()
export class ConsentTemplateDefaults {
  async ensure(manager: EntityManager, organizationId: string): Promise<void> {
    if (!(await claimDefaultTemplateSeed(manager, organizationId))) return;
    for (const def of DEFAULT_CONSENT_TEMPLATES) {
      const template = await manager.save(
        manager.create(ConsentTemplate, {
          organizationId,
          kind: def.kind,
          title: def.title,
          isDefault: true,
          currentVersion: 1,
          approvedVersion: null,
          approvedAt: null,
          approvedBy: null,
        }),
      );
      await manager.insert(ConsentTemplateVersion, {
        organizationId,
        templateId: template.id,
        version: 1,
        title: def.title,
        body: def.body,
        acknowledgements: def.acknowledgements,
        validDays: def.validDays,
        requiresReconsent: false,
        changeNote: 'Default template supplied by SkinLedger: review with your medical director',
        publishedBy: null,
      });
    }
  }
}
