import type { EntityManager } from 'typeorm';

/** What a consent PDF names besides the record: the patient's MRN and the clinic, from the published directories. */
export async function consentPdfParties(manager: EntityManager, organizationId: string, patientId: string): Promise<{ patientMrn: string; organizationName: string }> {
  const [row]: { mrn: string; organization_name: string }[] = await manager.query(
    `SELECT p.mrn, o.name AS organization_name
     FROM patient_directory p JOIN organization_directory o ON o.id = p.organization_id
     WHERE p.organization_id = $1 AND p.id = $2`,
    [organizationId, patientId],
  );
  // The record's foreign key guarantees the patient; a miss means the data is broken, not a user error.
  if (!row) throw new Error(`Consent PDF: patient ${patientId} not found in organization ${organizationId}`);
  return { patientMrn: row.mrn, organizationName: row.organization_name };
}
