import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the manage link (`/book/manage/<token>`): a patient confirms, moves or cancels her online booking with
 * the 256-bit key e-mailed at confirmation, without a session. Like the calendar feed's token, the key is the
 * credential: `online_booking_manage_resolve` (SECURITY DEFINER) takes its SHA-256 (the table keeps only that), finds
 * the appointment, and sets the tenant for the rest of the transaction. It answers only while the appointment, as it
 * stands now, has not ended: a link follows its appointment when it is moved (by the patient or by staff), and dies
 * with it. An unknown, ended or malformed key answers nothing, all alike.
 */
export class AddOnlineBookingManageLinkResolver1796569750000 implements MigrationInterface {
  name = 'AddOnlineBookingManageLinkResolver1796569750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION online_booking_manage_resolve(p_token_hash bytea)
      RETURNS TABLE (organization_id uuid, appointment_id uuid, name text, online_booking jsonb)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE t record;
      BEGIN
        SELECT mt.organization_id, mt.appointment_id, og.name, og.settings -> 'onlineBooking' AS online_booking INTO t
          FROM public.online_booking_manage_tokens mt
          JOIN public.appointments a ON a.organization_id = mt.organization_id AND a.id = mt.appointment_id
          JOIN public.organizations og ON og.id = mt.organization_id
         WHERE mt.token_hash = p_token_hash AND a.patient_id IS NOT NULL AND a.ends_at > now();
        IF NOT FOUND THEN RETURN; END IF;
        PERFORM set_config('app.organization_id', t.organization_id::text, true);
        organization_id := t.organization_id; appointment_id := t.appointment_id; name := t.name; online_booking := t.online_booking;
        RETURN NEXT;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION online_booking_manage_resolve(bytea) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION online_booking_manage_resolve(bytea)`);
  }
}
