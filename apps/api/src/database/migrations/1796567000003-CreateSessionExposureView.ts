import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Treatments' own row of a recall exposure report (domain.md section 10): a session with the patient's contact, the
 * practitioner, location and pen, the cartridge lots it used and its adverse events, through the read models the
 * other modules publish. The lot report and the device report each select from it in one plain statement; being a
 * simple view it is inlined, so each keeps walking its own index (stock_movements_exposure_idx,
 * treatment_sessions_device_idx). Not published: only treatments reads it.
 */
export class CreateSessionExposureView1796567000003 implements MigrationInterface {
  name = 'CreateSessionExposureView1796567000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW session_exposure WITH (security_invoker = true) AS
        SELECT s.id AS session_id, s.organization_id, s.device_id, to_char(s.performed_on, 'YYYY-MM-DD') AS performed_on, s.started_at,
               s.procedure_kind, s.status,
               p.id AS patient_id, p.first_name || ' ' || p.last_name AS patient_name, p.mrn,
               to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.phone, p.email,
               st.name AS practitioner_name, loc.name AS location_name, d.serial_number AS device_serial_number, d.model AS device_model,
               ARRAY(SELECT DISTINCT u.lot_number FROM session_cartridge_uses u WHERE u.treatment_session_id = s.id ORDER BY u.lot_number) AS lot_numbers,
               coalesce((SELECT json_agg(json_build_object('id', a.id, 'type', a.type, 'onsetOn', to_char(a.onset_on, 'YYYY-MM-DD'),
                                                           'grade', a.grade, 'outcome', a.outcome, 'description', a.description)
                                         ORDER BY a.onset_on, a.recorded_at)
                         FROM adverse_events a WHERE a.session_id = s.id), '[]'::json) AS adverse_events
          FROM treatment_sessions s
          JOIN patient_directory p ON p.id = s.patient_id
          JOIN staff_directory st ON st.id = s.practitioner_id
          JOIN location_directory loc ON loc.id = s.location_id
          JOIN device_directory d ON d.id = s.device_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW session_exposure`);
  }
}
