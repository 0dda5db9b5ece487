import { Injectable } from '@nestjs/common';
import { consentStatus, type ConsentKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { signedConsentValidity } from './signed-consent-validity.queries';

/** A row of the published view signed_consent_validity. */
export interface SignedConsentValidity {
  kind: string;
  signedAt: Date | string;
  revokedAt: Date | string | null;
  validDays: number;
  timeZone: string;
  templateVersion: number;
  reconsentVersions: number[];
}

/**
 * Which consents count for a patient at an instant, for other modules (scheduling's check-in, the treatment
 * session's preflight) to call inside their own transaction. Reads only; never audits (the caller's action does).
 * A consent counts while signed, not revoked, not superseded by a re-consent version and within its validity days
 * on the clinic calendar recorded with it (domain.md section 6).
 */
@Injectable()
export class ConsentStatusService {
  async validConsentKinds(manager: EntityManager, organizationId: string, patientId: string, at: Date = new Date()): Promise<Set<ConsentKind>> {
    const consents = await signedConsentValidity(manager, organizationId, patientId);
    const missing = new Set(this.missingAmong(consents, consents.map((c) => c.kind), at));
    return new Set(consents.map((c) => c.kind as ConsentKind).filter((kind) => !missing.has(kind)));
  }

  /**
   * missingConsentKinds over consents another module read from the published view signed_consent_validity within its
   * own statement (its columns in camelCase; times as Date or ISO text, as json_agg renders them): check-in and the
   * appointment's preflight.
   */
  missingAmong(consents: readonly SignedConsentValidity[], kinds: readonly string[], at: Date = new Date()): string[] {
    const valid = new Set(
      consents
        .filter(
          (c) =>
            consentStatus(
              {
                signedAt: new Date(c.signedAt),
                revokedAt: c.revokedAt === null ? null : new Date(c.revokedAt),
                validDays: c.validDays,
                timeZone: c.timeZone,
                templateVersion: c.templateVersion,
                reconsentVersions: c.reconsentVersions,
              },
              at,
            ) === 'valid',
        )
        .map((c) => c.kind),
    );
    return [...new Set(kinds)].filter((k) => !valid.has(k));
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
    return this.missingAmong(await signedConsentValidity(manager, organizationId, patientId), kinds, at);
  }
}
