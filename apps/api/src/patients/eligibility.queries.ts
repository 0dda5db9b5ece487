import type { MedicalHistoryAnswers, ScreeningSettingsInput } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';
import { runNamedStatement } from '../database/named-query';
import type { PatientAllergy } from './patient.entity';

/** What screening a patient needs, read together. */
export interface ScreeningFacts {
  fitzpatrickType: number | null;
  allergies: PatientAllergy[];
  archived: boolean;
  /** The latest medical history; null when none was recorded. */
  history: { version: number; answers: MedicalHistoryAnswers; recordedAt: Date } | null;
  /** The clinic's stored screening overrides ({} when never set). */
  settings: ScreeningSettingsInput;
}

const SCREENING_FACTS = `
  SELECT p.fitzpatrick_type, p.allergies, p.archived_at IS NOT NULL AS archived, h.version, h.answers, h.recorded_at,
         (SELECT s.screening FROM organization_screening_settings s WHERE s.organization_id = $1) AS screening
    FROM patients p
    LEFT JOIN LATERAL (SELECT m.version, m.answers, m.recorded_at FROM patient_medical_histories m
                        WHERE m.organization_id = $1 AND m.patient_id = p.id ORDER BY m.version DESC LIMIT 1) h ON true
   WHERE p.organization_id = $1 AND p.id = $2`;

/**
 * The patient's phototype, allergies and archive state, the latest medical history and the clinic's screening
 * overrides in ONE named statement (issue 15); undefined when the organization has no such patient.
 */
export async function screeningFacts(manager: EntityManager, organizationId: string, patientId: string): Promise<ScreeningFacts | undefined> {
  const [row] = await runNamedStatement<{
    fitzpatrick_type: number | null;
    allergies: PatientAllergy[];
    archived: boolean;
    version: number | null;
    answers: MedicalHistoryAnswers | null;
    recorded_at: Date | null;
    screening: ScreeningSettingsInput | null;
  }>(manager, { name: 'patients.screening_facts.v1', text: SCREENING_FACTS, values: [organizationId, patientId] });
  if (!row) return undefined;
  return {
    fitzpatrickType: row.fitzpatrick_type,
    allergies: row.allergies,
    archived: row.archived,
    history: row.version === null ? null : { version: row.version, answers: row.answers as MedicalHistoryAnswers, recordedAt: row.recorded_at as Date },
    settings: row.screening ?? {},
  };
}
