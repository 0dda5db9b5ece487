import { Injectable } from '@nestjs/common';
import type { ConsentKind } from '@skinledger/domain';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { ConsentRecord } from './consent.entities';
import { loadViews, statusOf } from './consent-views';

/**
 * Which consents count for a patient at an instant, for other modules (scheduling's check-in, the treatment
 * session's preflight) to call inside their own transaction. Reads only; never audits (the caller's action does).
 * A consent counts while signed, not revoked, not superseded by a re-consent version and within its validity days
 * on the clinic calendar recorded with it (domain.md section 6).
 */
@Injectable()
export class ConsentStatusService {
  async validConsentKinds(manager: EntityManager, organizationId: string, patientId: string, at: Date = new Date()): Promise<Set<ConsentKind>> {
    const records = await manager.find(ConsentRecord, {
      where: { organizationId, patientId, signedAt: Not(IsNull()) },
    });
    const views = await loadViews(manager, organizationId, records);
    return new Set(views.filter((v) => statusOf(v, at) === 'valid').map((v) => v.record.kind));
  }

  /**
   * The kinds among `kinds` with no valid consent at `at`, in the order given. Kinds come from other modules' data
   * (a service's required kinds), so any text is accepted; a kind no consent can have is simply missing.
   */
  async missingConsentKinds(
    manager: EntityManager,
    organizationId: string,
    patientId: string,
    kinds: readonly string[],
    at: Date = new Date(),
  ): Promise<string[]> {
    const valid: ReadonlySet<string> = await this.validConsentKinds(manager, organizationId, patientId, at);
    return [...new Set(kinds)].filter((k) => !valid.has(k));
  }
}
