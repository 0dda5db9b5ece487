import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RenewsManageLinks, type ManageLinkRenewal } from '../scheduling/manage-link-renewal';
import { manageKeyHash, manageUrl } from './manage-link';
import { hasManageToken, insertManageToken } from './online-booking-holds.queries';

/**
 * When staff move an appointment the patient manages online, the notice and reminders carry a new link (the keys are
 * stored hashed, so the one she was sent cannot be written again). Same strength and storage as the first.
 */
@RenewsManageLinks()
@Injectable()
export class ManageLinkRenewalProvider implements ManageLinkRenewal {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async renew(manager: EntityManager, organizationId: string, appointmentId: string, endsAt: Date): Promise<string | null> {
    if (!(await hasManageToken(manager, organizationId, appointmentId))) return null;
    const key = randomBytes(32).toString('base64url');
    await insertManageToken(manager, { organizationId, appointmentId, tokenHash: manageKeyHash(key), expiresAt: endsAt });
    return manageUrl(this.config.publicUrl, key);
  }
}
