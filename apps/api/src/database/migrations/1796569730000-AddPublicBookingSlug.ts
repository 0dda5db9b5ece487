import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, online booking: a patient has no session, so the public booking API names the clinic by a public slug
 * (`?organization=<slug>`, and later the /book/<slug> link), never by its internal id. Every organization gets one
 * from a database default (12 random hex characters: the factories, setup and existing clinics alike); the format
 * leaves room for a readable slug a clinic chooses later in Settings.
 *
 * `public_booking_resolve` (SECURITY DEFINER, like the sign-in and calendar-feed entry points) maps a slug to its
 * organization and sets the tenant for the rest of the transaction, but only while the clinic has online booking
 * turned on (settings key `onlineBooking`): a closed clinic reads exactly like an unknown slug, and nothing of its
 * data is readable through the public path.
 */
export class AddPublicBookingSlug1796569730000 implements MigrationInterface {
  name = 'AddPublicBookingSlug1796569730000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN public_booking_slug text NOT NULL DEFAULT substr(replace(gen_random_uuid()::text, '-', ''), 1, 12)
          CONSTRAINT organizations_public_booking_slug_format CHECK (public_booking_slug ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
        ADD CONSTRAINT organizations_public_booking_slug_unique UNIQUE (public_booking_slug)`);
    await q.query(`
      CREATE FUNCTION public_booking_resolve(p_slug text)
      RETURNS TABLE (organization_id uuid, name text, online_booking jsonb)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE o record;
      BEGIN
        SELECT og.id, og.name, og.settings -> 'onlineBooking' AS online_booking INTO o
          FROM public.organizations og
         WHERE og.public_booking_slug = lower(p_slug) AND (og.settings -> 'onlineBooking' ->> 'enabled') = 'true';
        IF NOT FOUND THEN RETURN; END IF;
        PERFORM set_config('app.organization_id', o.id::text, true);
        organization_id := o.id; name := o.name; online_booking := o.online_booking;
        RETURN NEXT;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION public_booking_resolve(text) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION public_booking_resolve(text)`);
    await q.query(`ALTER TABLE organizations DROP COLUMN public_booking_slug`);
  }
}
