import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Which consents a patient lacks for a treatment. The consents capability is built on another branch (its
 * ConsentsModule / ConsentStatusService); the merger binds CONSENT_REQUIREMENT_CHECKER to it. Until then this
 * branch binds NoConsentRecordsYet below.
 */
export interface ConsentRequirementChecker {
  /** The kinds among `kinds` the patient holds no valid consent for at `at`. */
  missingConsentKinds(manager: EntityManager, organizationId: string, patientId: string, kinds: readonly string[], at: Date): Promise<string[]>;
}

export const CONSENT_REQUIREMENT_CHECKER = Symbol('ConsentRequirementChecker');

/**
 * Truthful for this branch: no consent records exist yet, so every required kind is missing. Replaced by the real
 * ConsentStatusService when the consents capability is merged.
 */
@Injectable()
export class NoConsentRecordsYet implements ConsentRequirementChecker {
  async missingConsentKinds(_manager: EntityManager, _organizationId: string, _patientId: string, kinds: readonly string[]): Promise<string[]> {
    return [...kinds];
  }
}
