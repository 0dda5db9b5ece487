import type { EntityManager } from 'typeorm';
import { runNamedStatement } from '../database/named-query';
import type { PatientScreeningFacts } from './eligibility.service';

// The same published view the appointment's preflight reads (treatments), so both screen from one definition.
const SCREENING_FACTS = `
  SELECT fitzpatrick_type, allergies, archived, history_version, history_answers, history_recorded_at, screening, history_source
    FROM patient_screening_facts
   WHERE organization_id = $1 AND patient_id = $2`;

/**
 * The patient's phototype, allergies and archive state, the latest medical history and the clinic's screening
 * overrides in ONE named statement (issue 15); undefined when the organization has no such patient.
 */
export async function screeningFacts(manager: EntityManager, organizationId: string, patientId: string): Promise<PatientScreeningFacts | undefined> {
  const [row] = await runNamedStatement<PatientScreeningFacts>(manager, {
    name: 'patients.screening_facts.v3',
    text: SCREENING_FACTS,
    values: [organizationId, patientId],
  });
  return row;
}
