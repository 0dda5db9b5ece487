import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, readable words: the clinic's English variant and each location's country.
 *
 * - `organizations.locale` ('en-US' or 'en-GB'): how every date, time and word is written for the clinic. Existing
 *   clinics get the variant of their first location's country (US → en-US, elsewhere en-GB).
 * - `locations.country_code` (ISO 3166-1 alpha-2): reads phone numbers typed without a country code. It defaults
 *   from the location's time zone through the domain's table (a snapshot, frozen into `location_country_for_time_zone`);
 *   a zone not in the table takes the organization's first location's country, else US. The API asks for the
 *   country when the zone has no default, so only raw inserts fall back.
 * - `auth_resolve_session` also answers the organization's locale, so every signed-in request knows how to word
 *   its messages without another read.
 * - The directory views append the new columns (a view's existing columns keep their places).
 */
/**
 * The domain's zone → country table (libs/domain locale/countries.ts) as it stood when this migration was written: a
 * migration does not change with later code, and Jest's global setup loads migrations without the workspace aliases.
 */
const TIME_ZONE_COUNTRIES: readonly (readonly [string, string])[] = [
  ['America/New_York', 'US'],
  ['America/Detroit', 'US'],
  ['America/Kentucky/Louisville', 'US'],
  ['America/Kentucky/Monticello', 'US'],
  ['America/Indiana/Indianapolis', 'US'],
  ['America/Indiana/Vincennes', 'US'],
  ['America/Indiana/Winamac', 'US'],
  ['America/Indiana/Marengo', 'US'],
  ['America/Indiana/Petersburg', 'US'],
  ['America/Indiana/Vevay', 'US'],
  ['America/Indiana/Tell_City', 'US'],
  ['America/Indiana/Knox', 'US'],
  ['America/Chicago', 'US'],
  ['America/Menominee', 'US'],
  ['America/North_Dakota/Center', 'US'],
  ['America/North_Dakota/New_Salem', 'US'],
  ['America/North_Dakota/Beulah', 'US'],
  ['America/Denver', 'US'],
  ['America/Boise', 'US'],
  ['America/Phoenix', 'US'],
  ['America/Los_Angeles', 'US'],
  ['America/Anchorage', 'US'],
  ['America/Juneau', 'US'],
  ['America/Sitka', 'US'],
  ['America/Metlakatla', 'US'],
  ['America/Yakutat', 'US'],
  ['America/Nome', 'US'],
  ['America/Adak', 'US'],
  ['Pacific/Honolulu', 'US'],
  ['America/Puerto_Rico', 'PR'],
  ['America/Toronto', 'CA'],
  ['America/Vancouver', 'CA'],
  ['America/Edmonton', 'CA'],
  ['America/Winnipeg', 'CA'],
  ['America/Regina', 'CA'],
  ['America/Halifax', 'CA'],
  ['America/St_Johns', 'CA'],
  ['America/Moncton', 'CA'],
  ['America/Mexico_City', 'MX'],
  ['America/Tijuana', 'MX'],
  ['America/Cancun', 'MX'],
  ['America/Monterrey', 'MX'],
  ['America/Sao_Paulo', 'BR'],
  ['America/Argentina/Buenos_Aires', 'AR'],
  ['America/Bogota', 'CO'],
  ['America/Santiago', 'CL'],
  ['America/Lima', 'PE'],
  ['Europe/London', 'GB'],
  ['Europe/Dublin', 'IE'],
  ['Europe/Lisbon', 'PT'],
  ['Europe/Madrid', 'ES'],
  ['Europe/Paris', 'FR'],
  ['Europe/Brussels', 'BE'],
  ['Europe/Amsterdam', 'NL'],
  ['Europe/Luxembourg', 'LU'],
  ['Europe/Berlin', 'DE'],
  ['Europe/Zurich', 'CH'],
  ['Europe/Vienna', 'AT'],
  ['Europe/Rome', 'IT'],
  ['Europe/Malta', 'MT'],
  ['Europe/Copenhagen', 'DK'],
  ['Europe/Oslo', 'NO'],
  ['Europe/Stockholm', 'SE'],
  ['Europe/Helsinki', 'FI'],
  ['Europe/Warsaw', 'PL'],
  ['Europe/Prague', 'CZ'],
  ['Europe/Budapest', 'HU'],
  ['Europe/Athens', 'GR'],
  ['Europe/Bucharest', 'RO'],
  ['Europe/Istanbul', 'TR'],
  ['Atlantic/Reykjavik', 'IS'],
  ['Asia/Dubai', 'AE'],
  ['Asia/Qatar', 'QA'],
  ['Asia/Riyadh', 'SA'],
  ['Asia/Jerusalem', 'IL'],
  ['Africa/Johannesburg', 'ZA'],
  ['Africa/Lagos', 'NG'],
  ['Africa/Nairobi', 'KE'],
  ['Africa/Cairo', 'EG'],
  ['Asia/Kolkata', 'IN'],
  ['Asia/Singapore', 'SG'],
  ['Asia/Kuala_Lumpur', 'MY'],
  ['Asia/Hong_Kong', 'HK'],
  ['Asia/Manila', 'PH'],
  ['Asia/Tokyo', 'JP'],
  ['Asia/Seoul', 'KR'],
  ['Asia/Bangkok', 'TH'],
  ['Australia/Sydney', 'AU'],
  ['Australia/Melbourne', 'AU'],
  ['Australia/Brisbane', 'AU'],
  ['Australia/Adelaide', 'AU'],
  ['Australia/Perth', 'AU'],
  ['Australia/Hobart', 'AU'],
  ['Australia/Darwin', 'AU'],
  ['Pacific/Auckland', 'NZ'],
];

export class AddClinicLocaleAndLocationCountry1796568400000 implements MigrationInterface {
  name = 'AddClinicLocaleAndLocationCountry1796568400000';

  async up(q: QueryRunner): Promise<void> {
    const zones = TIME_ZONE_COUNTRIES;
    // A function body cannot take parameters: the (plain ASCII) names go in as literals, checked here.
    for (const [zone, country] of zones) {
      if (!/^[A-Za-z_/+-]+$/.test(zone) || !/^[A-Z]{2}$/.test(country)) throw new Error(`Unexpected time zone entry ${zone} → ${country}`);
    }
    const literalCases = zones.map(([zone, country]) => `WHEN '${zone}' THEN '${country}'`).join('\n          ');
    await q.query(`
      CREATE FUNCTION location_country_for_time_zone(p_time_zone text) RETURNS text
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
        SELECT CASE p_time_zone
          ${literalCases}
          ELSE NULL END
      $$`);

    await q.query(`ALTER TABLE locations ADD COLUMN country_code text`);
    await q.query(`
      UPDATE locations l SET country_code = coalesce(
        location_country_for_time_zone(l.timezone),
        (SELECT location_country_for_time_zone(o.timezone) FROM locations o
          WHERE o.organization_id = l.organization_id AND location_country_for_time_zone(o.timezone) IS NOT NULL
          ORDER BY o.created_at, o.id LIMIT 1),
        'US')`);
    await q.query(`ALTER TABLE locations ALTER COLUMN country_code SET NOT NULL`);
    await q.query(`ALTER TABLE locations ADD CONSTRAINT locations_country_code_check CHECK (country_code ~ '^[A-Z]{2}$')`);
    // Raw inserts (the demo loader, tests) that name no country get the time zone's, else the organization's first.
    await q.query(`
      CREATE FUNCTION locations_default_country() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        IF NEW.country_code IS NULL THEN
          NEW.country_code := coalesce(
            location_country_for_time_zone(NEW.timezone),
            (SELECT o.country_code FROM public.locations o WHERE o.organization_id = NEW.organization_id ORDER BY o.created_at, o.id LIMIT 1),
            'US');
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER locations_default_country BEFORE INSERT ON locations
        FOR EACH ROW EXECUTE FUNCTION locations_default_country()`);

    await q.query(`ALTER TABLE organizations ADD COLUMN locale text NOT NULL DEFAULT 'en-US'`);
    await q.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_locale_check CHECK (locale IN ('en-US', 'en-GB'))`);
    await q.query(`
      UPDATE organizations o SET locale = 'en-GB'
       WHERE (SELECT l.country_code FROM locations l WHERE l.organization_id = o.id ORDER BY l.created_at, l.id LIMIT 1)
             NOT IN ('US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'LR')`);

    await q.query(`CREATE OR REPLACE VIEW organization_directory WITH (security_invoker = true) AS SELECT id, name, locale FROM organizations`);
    await q.query(`
      CREATE OR REPLACE VIEW location_directory WITH (security_invoker = true) AS
        SELECT id, organization_id, name, address, phone, timezone, is_active, country_code FROM locations`);

    // The session resolver answers the clinic's locale too (a new result column: drop and create, then revoke again).
    await q.query(`DROP FUNCTION auth_resolve_session(bytea, integer)`);
    await q.query(`
      CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_idle_minutes integer)
      RETURNS TABLE (session_id uuid, organization_id uuid, staff_member_id uuid, csrf_token text,
                     role text, name text, email text, default_location_id uuid, locale text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE s record; m record;
      BEGIN
        SELECT a.id, a.organization_id, a.staff_member_id, a.csrf_token, a.last_seen_at, a.expires_at INTO s
          FROM public.auth_sessions a WHERE a.token_hash = p_token_hash AND a.revoked_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        IF s.expires_at <= now() OR s.last_seen_at + make_interval(mins => p_idle_minutes) <= now() THEN
          UPDATE public.auth_sessions a SET revoked_at = now(),
                 revoked_reason = CASE WHEN s.expires_at <= now() THEN 'expired' ELSE 'idle' END
           WHERE a.id = s.id AND a.revoked_at IS NULL;
          RETURN;
        END IF;
        SELECT sm.id, sm.role, sm.name, sm.email, sm.default_location_id, o.locale INTO m
          FROM public.staff_members sm JOIN public.organizations o ON o.id = sm.organization_id
         WHERE sm.id = s.staff_member_id AND sm.organization_id = s.organization_id AND sm.is_active;
        IF NOT FOUND THEN RETURN; END IF;
        -- The idle clock needs minutes, not a write per request.
        IF s.last_seen_at < now() - interval '1 minute' THEN
          UPDATE public.auth_sessions a SET last_seen_at = now() WHERE a.id = s.id;
        END IF;
        PERFORM set_config('app.organization_id', s.organization_id::text, true);
        session_id := s.id; organization_id := s.organization_id; staff_member_id := s.staff_member_id;
        csrf_token := s.csrf_token; role := m.role; name := m.name; email := m.email; default_location_id := m.default_location_id;
        locale := m.locale;
        RETURN NEXT;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_resolve_session(bytea, integer) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_resolve_session(bytea, integer)`);
    await q.query(`
      CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_idle_minutes integer)
      RETURNS TABLE (session_id uuid, organization_id uuid, staff_member_id uuid, csrf_token text,
                     role text, name text, email text, default_location_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE s record; m record;
      BEGIN
        SELECT a.id, a.organization_id, a.staff_member_id, a.csrf_token, a.last_seen_at, a.expires_at INTO s
          FROM public.auth_sessions a WHERE a.token_hash = p_token_hash AND a.revoked_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        IF s.expires_at <= now() OR s.last_seen_at + make_interval(mins => p_idle_minutes) <= now() THEN
          UPDATE public.auth_sessions a SET revoked_at = now(),
                 revoked_reason = CASE WHEN s.expires_at <= now() THEN 'expired' ELSE 'idle' END
           WHERE a.id = s.id AND a.revoked_at IS NULL;
          RETURN;
        END IF;
        SELECT sm.id, sm.role, sm.name, sm.email, sm.default_location_id INTO m
          FROM public.staff_members sm WHERE sm.id = s.staff_member_id AND sm.organization_id = s.organization_id AND sm.is_active;
        IF NOT FOUND THEN RETURN; END IF;
        IF s.last_seen_at < now() - interval '1 minute' THEN
          UPDATE public.auth_sessions a SET last_seen_at = now() WHERE a.id = s.id;
        END IF;
        PERFORM set_config('app.organization_id', s.organization_id::text, true);
        session_id := s.id; organization_id := s.organization_id; staff_member_id := s.staff_member_id;
        csrf_token := s.csrf_token; role := m.role; name := m.name; email := m.email; default_location_id := m.default_location_id;
        RETURN NEXT;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_resolve_session(bytea, integer) FROM PUBLIC`);
    // Views cannot drop columns: recreate them as they were.
    await q.query(`DROP VIEW location_directory`);
    await q.query(`CREATE VIEW location_directory WITH (security_invoker = true) AS SELECT id, organization_id, name, address, phone, timezone, is_active FROM locations`);
    await q.query(`DROP VIEW organization_directory`);
    await q.query(`CREATE VIEW organization_directory WITH (security_invoker = true) AS SELECT id, name FROM organizations`);
    await q.query(`ALTER TABLE organizations DROP COLUMN locale`);
    await q.query(`DROP TRIGGER locations_default_country ON locations`);
    await q.query(`DROP FUNCTION locations_default_country()`);
    await q.query(`ALTER TABLE locations DROP COLUMN country_code`);
    await q.query(`DROP FUNCTION location_country_for_time_zone(text)`);
  }
}
