import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * A fresh manage link for an appointment the patient already manages online (issue 16: every reminder e-mail carries
 * the manage link). Links are stored only as hashes, so when staff move such an appointment the rewritten notice and
 * reminders need a new key; the online-booking module, which owns the links, provides this. It is found at run time
 * (`@RenewsManageLinks()`, like `@TimelineSource()`), so scheduling never imports the module that imports it.
 */
export interface ManageLinkRenewal {
  /** A new link's URL when the appointment has one already (the old keeps working), else null. */
  renew(manager: EntityManager, organizationId: string, appointmentId: string, endsAt: Date): Promise<string | null>;
}

export const RenewsManageLinks = DiscoveryService.createDecorator<void>();
