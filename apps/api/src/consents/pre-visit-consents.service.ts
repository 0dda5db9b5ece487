import { Injectable } from '@nestjs/common';
import type { ConsentAcknowledgement, ConsentKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import type { AuditSource } from '../audit/audit.service';
import type { ConsentRecord } from './consent.entities';
import { visitConsentForms } from './pre-visit-consents.queries';
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
   * The patient's consents prepared for this appointment that she can still sign or has signed (not revoked; when
   * unsigned, not superseded by a re-consent version: the published view visit_consent_forms). Oldest first. Only
   * hers and only this visit's.
   */
  async ofVisit(manager: EntityManager, organizationId: string, patientId: string, appointmentId: string): Promise<PreVisitConsent[]> {
    const rows = await visitConsentForms(manager, organizationId, patientId, appointmentId);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      acknowledgements: r.acknowledgements,
      practitionerName: r.practitioner_name,
      signedAt: r.signed_at,
      signedRemotely: r.signed_remotely,
      witnessRequired: r.witness_required,
      witnessedAt: r.witnessed_at,
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
