import { Injectable } from '@nestjs/common';
import { isSuperseded, type ConsentAcknowledgement, type ConsentKind } from '@skinledger/domain';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { AuditSource } from '../audit/audit.service';
import { loadViews, statusOf } from './consent-views';
import { ConsentRecord, ConsentTemplate } from './consent.entities';
import type { SignConsentDto } from './consents.dto';
import { ConsentsService } from './consents.service';
import { VisitConsentsService } from './visit-consents.service';

/** A consent of the visit as its patient sees it before the visit (issue 16): the text she signs and where it stands. */
export interface PreVisitConsent {
  id: string;
  kind: ConsentKind;
  title: string;
  body: string;
  acknowledgements: ConsentAcknowledgement[];
  practitionerName: string;
  signedAt: Date | null;
  signedRemotely: boolean;
  /** The form asks a staff witness: when signed remotely, staff witness it at check-in. */
  witnessRequired: boolean;
  witnessedAt: Date | null;
}

/**
 * The consents module's side of the pre-visit forms (issue 16), for the manage link (online-booking), in the caller's
 * transaction: the visit's bundle prepared (the same as "Prepare and hand over", also by the public channel when an
 * online booking is confirmed), the visit's consents as the patient may read them, and the remote signature (the
 * kiosk's own signing step, ConsentsService.signRemotely).
 */
@Injectable()
export class PreVisitConsentsService {
  constructor(
    private readonly visits: VisitConsentsService,
    private readonly consents: ConsentsService,
  ) {}

  prepare(manager: EntityManager, source: AuditSource, appointmentId: string): Promise<{ ids: string[] }> {
    return this.visits.prepareWithin(manager, source, appointmentId);
  }

  /**
   * The patient's consents prepared for this appointment that she can still sign or has signed: not revoked, and
   * when unsigned not superseded by a re-consent version. Oldest first. Only hers and only this visit's.
   */
  async ofVisit(manager: EntityManager, organizationId: string, patientId: string, appointmentId: string): Promise<PreVisitConsent[]> {
    const records = await manager.find(ConsentRecord, {
      where: { organizationId, patientId, appointmentId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (records.length === 0) return [];
    const views = await loadViews(manager, organizationId, records);
    const templates = await manager.find(ConsentTemplate, { where: { organizationId, id: In([...new Set(records.map((r) => r.templateId))]) } });
    const now = new Date();
    return views
      .filter((v) => v.record.signedAt || (statusOf(v, now) === 'pending' && !isSuperseded(v.record.templateVersion, v.reconsentVersions)))
      .map(({ record: r }) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        acknowledgements: r.acknowledgements,
        practitionerName: r.placeholderValues.practitioner,
        signedAt: r.signedAt,
        signedRemotely: r.signedRemotely,
        witnessRequired: templates.find((t) => t.id === r.templateId)?.witnessRequired ?? true,
        witnessedAt: r.witnessedAt,
      }));
  }

  signRemotely(
    manager: EntityManager,
    source: AuditSource & { staffMemberId: null },
    scope: { patientId: string; appointmentId: string },
    consentId: string,
    input: Omit<SignConsentDto, 'witness'>,
  ): Promise<ConsentRecord> {
    return this.consents.signRemotely(manager, source, scope, consentId, input);
  }
}
