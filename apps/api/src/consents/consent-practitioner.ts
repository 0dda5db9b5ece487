import { STAFF_ROLE_LABELS, treatingPractitionerViolation } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { RuleViolationError } from '../common/problems/domain-error';
import { practitionerFacts } from './consent-staff.queries';

export interface NamedPractitioner {
  id: string;
  name: string;
}

/**
 * The staff member a consent names as its treating practitioner, when the rule of libs/domain allows it on `onDate`
 * for needling to `depthMm` (a physician, nurse or aesthetician, active, licence current and deep enough). Otherwise a
 * 422 naming `field` and the rule's code: a front-desk, administrator or owner account is never named, nor someone of
 * another clinic (indistinguishable from nobody).
 */
export async function treatingPractitioner(
  manager: EntityManager,
  organizationId: string,
  staffMemberId: string,
  onDate: string,
  depthMm: number,
  field: string,
): Promise<NamedPractitioner> {
  const facts = await practitionerFacts(manager, organizationId, staffMemberId);
  const violation = treatingPractitionerViolation(facts ?? null, onDate, depthMm);
  if (!violation && facts) return { id: facts.id, name: facts.name };
  const code = violation?.code ?? 'not-a-practitioner';
  let message: string;
  if (!facts) message = 'The practitioner named is not on the staff of this clinic';
  else if (code === 'not-a-practitioner') message = `${facts.name} (${STAFF_ROLE_LABELS[facts.role].toLowerCase()}) is not a physician, nurse or aesthetician`;
  else message = `${facts.name}: ${lowerFirst(violation?.message ?? '')}`;
  throw new RuleViolationError(`Name the practitioner who treats the patient. ${message}`, [{ code, field, message }]);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
