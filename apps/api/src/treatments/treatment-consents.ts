import type { EntityManager } from 'typeorm';

/**
 * What the treatment capability asks of the consent records: which of the consent kinds a treatment needs are not
 * validly signed for the patient at a moment (signed, not revoked, not expired, not superseded).
 */
export interface TreatmentConsentChecker {
  missingConsentKinds(manager: EntityManager, organizationId: string, patientId: string, kinds: readonly string[], at: Date): Promise<string[]>;
}

export const TREATMENT_CONSENT_CHECKER = Symbol('TreatmentConsentChecker');
