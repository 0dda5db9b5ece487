import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: a consent names its treating practitioner and, when prepared for a visit, the appointment.
 *
 * - `consent_records.practitioner_id`: the physician, nurse or aesthetician who treats (the API refuses anyone else,
 *   libs/domain treatingPractitionerViolation). NULL only on consents prepared before this migration: the name the
 *   patient saw is in their frozen `placeholder_values`, but which staff member it was is not known for certain
 *   (the dialog sent none and the preparer was taken), so no id is guessed. A trigger makes every new row name one.
 * - `consent_records.appointment_id`: the appointment of the visit bundle (POST /api/appointments/:id/consents).
 * - Both belong to the frozen snapshot: the guard trigger refuses changing them, like the rendered text.
 * - `appointment_consent_context`: scheduling's read contract for the consents module (which may not read
 *   appointments or services): an appointment's patient, practitioner, place, status, start and what the booked
 *   service asks (name, needling, consent kinds).
 */
export class NameConsentPractitioner1796568100000 implements MigrationInterface {
  name = 'NameConsentPractitioner1796568100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_records ADD COLUMN practitioner_id uuid, ADD COLUMN appointment_id uuid`);
    await q.query(`
      ALTER TABLE consent_records
        ADD CONSTRAINT consent_records_practitioner_fk FOREIGN KEY (organization_id, practitioner_id) REFERENCES staff_members(organization_id, id),
        ADD CONSTRAINT consent_records_appointment_fk FOREIGN KEY (organization_id, appointment_id) REFERENCES appointments(organization_id, id)`);
    await q.query(`CREATE INDEX consent_records_appointment_idx ON consent_records (organization_id, appointment_id) WHERE appointment_id IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION require_consent_practitioner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.practitioner_id IS NULL THEN
          RAISE EXCEPTION 'a consent must name its treating practitioner' USING ERRCODE = 'not_null_violation',
            COLUMN = 'practitioner_id', TABLE = 'consent_records';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER consent_records_name_practitioner BEFORE INSERT ON consent_records
      FOR EACH ROW EXECUTE FUNCTION require_consent_practitioner()`);

    await q.query(guardFunction(true));

    await q.query(`
      CREATE VIEW appointment_consent_context WITH (security_invoker = true) AS
        SELECT a.id, a.organization_id, a.patient_id, a.practitioner_id, a.location_id, a.status, a.starts_at,
               s.name AS service_name, s.procedure_kind AS service_procedure_kind, s.consent_kinds AS service_consent_kinds
          FROM appointments a JOIN services s ON s.id = a.service_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW appointment_consent_context`);
    await q.query(guardFunction(false));
    await q.query(`DROP TRIGGER consent_records_name_practitioner ON consent_records`);
    await q.query(`DROP FUNCTION require_consent_practitioner`);
    await q.query(`ALTER TABLE consent_records DROP COLUMN appointment_id, DROP COLUMN practitioner_id`);
  }
}

/** The consent guard of CreateConsents, with (or, going down, without) the practitioner and appointment frozen. */
function guardFunction(withPractitioner: boolean): string {
  const extraNew = withPractitioner ? ', NEW.practitioner_id, NEW.appointment_id' : '';
  const extraOld = withPractitioner ? ', OLD.practitioner_id, OLD.appointment_id' : '';
  return `
    CREATE OR REPLACE FUNCTION guard_consent_record() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'consent_records are never deleted' USING ERRCODE = 'integrity_constraint_violation',
          HINT = 'Revoke the consent instead.';
      END IF;
      IF (NEW.id, NEW.organization_id, NEW.patient_id, NEW.template_id, NEW.template_version_id, NEW.template_version, NEW.kind,
          NEW.title, NEW.body, NEW.acknowledgements, NEW.placeholder_values, NEW.valid_days, NEW.time_zone, NEW.created_by, NEW.created_at${extraNew})
         IS DISTINCT FROM
         (OLD.id, OLD.organization_id, OLD.patient_id, OLD.template_id, OLD.template_version_id, OLD.template_version, OLD.kind,
          OLD.title, OLD.body, OLD.acknowledgements, OLD.placeholder_values, OLD.valid_days, OLD.time_zone, OLD.created_by, OLD.created_at${extraOld}) THEN
        RAISE EXCEPTION 'consent % snapshot cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.signed_at IS NOT NULL AND
         (NEW.signed_at, NEW.signer_name, NEW.accepted_acknowledgements, NEW.electronic_signature_consent, NEW.signature,
          NEW.signer_ip, NEW.signer_user_agent, NEW.signed_via_staff, NEW.content_hash)
         IS DISTINCT FROM
         (OLD.signed_at, OLD.signer_name, OLD.accepted_acknowledgements, OLD.electronic_signature_consent, OLD.signature,
          OLD.signer_ip, OLD.signer_user_agent, OLD.signed_via_staff, OLD.content_hash) THEN
        RAISE EXCEPTION 'consent % is signed: its signed content cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.witnessed_at IS NOT NULL AND
         (NEW.witnessed_at, NEW.witnessed_by, NEW.witness_name, NEW.record_hash)
         IS DISTINCT FROM (OLD.witnessed_at, OLD.witnessed_by, OLD.witness_name, OLD.record_hash) THEN
        RAISE EXCEPTION 'consent % is witnessed: the witness cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.revoked_at IS NOT NULL AND
         (NEW.revoked_at, NEW.revoked_by, NEW.revocation_reason) IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_by, OLD.revocation_reason) THEN
        RAISE EXCEPTION 'consent % is revoked: the revocation cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF OLD.revoked_at IS NOT NULL AND OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'consent % was voided: it cannot be signed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$`;
}
