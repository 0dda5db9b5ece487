import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/access/actor';
import { ConflictError, NotFoundError } from '../common/problems/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PreVisitConsentsService } from '../consents/pre-visit-consents.service';
import { OutboxService } from '../messaging/outbox.service';
import { SlotHoldsService } from '../scheduling/slot-holds.service';
import { manageKeyHash, manageUrl } from './manage-link';
import { insertManageToken } from './online-booking-holds.queries';
import type { SendFormsResultDto } from './pre-visit-forms.dto';

const OPEN_STATUSES: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in']);

/**
 * "Send forms" from the appointment drawer (issue 16), for any appointment still to come: the visit's consents are
 * prepared (naming the appointment's practitioner, as "Prepare and hand over" does), a new manage link is made (its
 * key exists in clear only in this e-mail: links are stored hashed, so an earlier one cannot be sent again; a
 * staff-booked appointment has none yet) and the e-mail with it goes through the outbox, all in one transaction,
 * audited.
 */
@Injectable()
export class SendFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly holds: SlotHoldsService,
    private readonly consents: PreVisitConsentsService,
    private readonly outbox: OutboxService,
  ) {}

  async send(actor: Actor, appointmentId: string): Promise<SendFormsResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.holds.managedAppointment(manager, actor.organizationId, appointmentId, true);
      if (!appointment || !appointment.has_patient) throw new NotFoundError('Appointment', appointmentId);
      if (!OPEN_STATUSES.has(appointment.status) || appointment.ends_at.getTime() <= Date.now()) {
        throw new ConflictError('appointment-closed', `This appointment is ${appointment.status.replace('_', ' ')} or over: forms are sent for a visit still to come`, {
          appointmentStatus: appointment.status,
        });
      }
      const { ids } = await this.consents.prepare(manager, actor, appointmentId);
      const key = randomBytes(32).toString('base64url');
      await insertManageToken(manager, { organizationId: actor.organizationId, appointmentId, tokenHash: manageKeyHash(key), expiresAt: appointment.ends_at });
      const { queued, recipient } = await this.outbox.formsRequested(manager, appointmentId, manageUrl(this.config.publicUrl, key));
      await this.audit.record(manager, actor, {
        action: 'online_booking.forms_sent',
        entityType: 'appointment',
        entityId: appointmentId,
        changes: { manageLinkCreated: { to: true }, queued: { to: queued }, consentIds: { to: ids } },
      });
      return { appointmentId, queued, recipient, consentsToSign: ids.length };
    });
  }
}
