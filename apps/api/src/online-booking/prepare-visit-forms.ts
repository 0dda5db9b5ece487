import type { EntityManager } from 'typeorm';
import type { AuditSource } from '../audit/audit.service';
import { DomainError } from '../common/problems/domain-error';
import type { PreVisitConsentsService } from '../consents/pre-visit-consents.service';

/**
 * The visit's consents, prepared through the public channel (issue 16: pre-visit forms through the manage link) as an
 * online booking is confirmed or moved to another practitioner, naming the appointment's practitioner, in a savepoint:
 * when the clinic cannot prepare one (no form of a kind the service needs, a practitioner who cannot be named), the
 * booking stands and check-in shows what is missing.
 */
export async function prepareVisitForms(manager: EntityManager, forms: PreVisitConsentsService, source: AuditSource, appointmentId: string): Promise<void> {
  try {
    await manager.transaction((savepoint) => forms.prepare(savepoint, source, appointmentId));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}
