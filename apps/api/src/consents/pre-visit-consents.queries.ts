import type { ConsentAcknowledgement, ConsentKind } from '@skinledger/domain';
import type { EntityManager } from 'typeorm';

export interface VisitConsentFormRow {
  id: string;
  kind: ConsentKind;
  title: string;
  body: string;
  acknowledgements: ConsentAcknowledgement[];
  practitioner_name: string;
  signed_at: Date | null;
  signed_remotely: boolean;
  witness_required: boolean;
  witnessed_at: Date | null;
}

/** The patient's consents of one visit as she may read and sign them (the view this module publishes), oldest first. */
export async function visitConsentForms(db: Pick<EntityManager, 'query'>, organizationId: string, patientId: string, appointmentId: string): Promise<VisitConsentFormRow[]> {
  return db.query(
    `SELECT id, kind, title, body, acknowledgements, practitioner_name, signed_at, signed_remotely, witness_required, witnessed_at
       FROM visit_consent_forms WHERE organization_id = $1 AND patient_id = $2 AND appointment_id = $3 ORDER BY created_at, id`,
    [organizationId, patientId, appointmentId],
  );
}
