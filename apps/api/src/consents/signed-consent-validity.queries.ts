import type { EntityManager } from 'typeorm';
import type { SignedConsentValidity } from './consent-status.service';

/** A patient's signed consents with what their validity depends on, in one statement (consents' own view). */
export function signedConsentValidity(manager: EntityManager, organizationId: string, patientId: string): Promise<SignedConsentValidity[]> {
  return manager.query(
    `SELECT kind, signed_at AS "signedAt", revoked_at AS "revokedAt", valid_days AS "validDays", time_zone AS "timeZone",
            template_version AS "templateVersion", reconsent_versions AS "reconsentVersions"
       FROM signed_consent_validity
      WHERE organization_id = $1 AND patient_id = $2`,
    [organizationId, patientId],
  );
}
