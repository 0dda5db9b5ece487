import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, statements per read: the sign-in check also answers the clinic calendar's time zone for the staff member
 * (their default location's, else the first location's, active ones first, else UTC: clinicTimeZone's rule), which
 * many reads asked in a statement of their own to know "today".
 */
const WITH_TIME_ZONE = `
      CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_idle_minutes integer)
      RETURNS TABLE (session_id uuid, organization_id uuid, staff_member_id uuid, csrf_token text,
                     role text, name text, email text, default_location_id uuid, locale text, mfa_enrolment_missing boolean,
                     time_zone text)
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
        -- The clinic's MFA rule (settings key "security") with the staff member: a role listed there must have an
        -- activated authenticator before doing anything else.
        SELECT sm.id, sm.role, sm.name, sm.email, sm.default_location_id, o.locale,
               COALESCE(o.settings->'security'->'mfaRequiredRoles', '[]'::jsonb) @> jsonb_build_array(sm.role)
                 AND NOT EXISTS (SELECT 1 FROM public.staff_totp_authenticators t
                                  WHERE t.organization_id = sm.organization_id AND t.staff_member_id = sm.id
                                    AND t.activated_at IS NOT NULL) AS mfa_enrolment_missing,
               -- The clinic calendar's time zone for the staff member (clinicTimeZone's rule): their default
               -- location's, else the first location's (active ones first), else UTC.
               COALESCE((SELECT l.timezone FROM public.locations l WHERE l.organization_id = sm.organization_id
                          ORDER BY COALESCE(l.id = sm.default_location_id, false) DESC, l.is_active DESC, l.created_at, l.id
                          LIMIT 1), 'UTC') AS time_zone
          INTO m
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
        locale := m.locale; mfa_enrolment_missing := m.mfa_enrolment_missing; time_zone := m.time_zone;
        RETURN NEXT;
      END $$`;

const WITHOUT_TIME_ZONE = `
      CREATE FUNCTION auth_resolve_session(p_token_hash bytea, p_idle_minutes integer)
      RETURNS TABLE (session_id uuid, organization_id uuid, staff_member_id uuid, csrf_token text,
                     role text, name text, email text, default_location_id uuid, locale text, mfa_enrolment_missing boolean)
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
        -- The clinic's MFA rule (settings key "security") with the staff member: a role listed there must have an
        -- activated authenticator before doing anything else.
        SELECT sm.id, sm.role, sm.name, sm.email, sm.default_location_id, o.locale,
               COALESCE(o.settings->'security'->'mfaRequiredRoles', '[]'::jsonb) @> jsonb_build_array(sm.role)
                 AND NOT EXISTS (SELECT 1 FROM public.staff_totp_authenticators t
                                  WHERE t.organization_id = sm.organization_id AND t.staff_member_id = sm.id
                                    AND t.activated_at IS NOT NULL) AS mfa_enrolment_missing
          INTO m
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
        locale := m.locale; mfa_enrolment_missing := m.mfa_enrolment_missing;
        RETURN NEXT;
      END $$`;

export class ResolveClinicTimeZoneWithSession1796569610000 implements MigrationInterface {
  name = 'ResolveClinicTimeZoneWithSession1796569610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_resolve_session(bytea, integer)`);
    await q.query(WITH_TIME_ZONE);
    await q.query(`REVOKE ALL ON FUNCTION auth_resolve_session(bytea, integer) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_resolve_session(bytea, integer)`);
    await q.query(WITHOUT_TIME_ZONE);
    await q.query(`REVOKE ALL ON FUNCTION auth_resolve_session(bytea, integer) FROM PUBLIC`);
  }
}
