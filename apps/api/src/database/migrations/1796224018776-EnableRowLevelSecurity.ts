import { MigrationInterface, QueryRunner } from 'typeorm';

/** The one form of the tenant policy (also used verbatim by later migrations for their new tables). */
const TENANT = `NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Row-level security on every clinic table: a row is visible and writable only while the transaction's
 * `app.organization_id` setting names its organization (the API sets it with set_config(…, true) in each request's
 * transaction). Without the setting every such table reads as empty. ENABLE + FORCE, so only a role that bypasses RLS
 * (the migration owner: superuser or BYPASSRLS) sees across organizations; the app's restricted role never does.
 *
 * The entry points that run before the organization is known (sign-in, session lookup, first-run setup, the public
 * calendar feed, the outbox worker) go through the narrow SECURITY DEFINER functions below: each returns only what its
 * caller needs and, where it finds the organization, sets the tenant for the rest of the transaction.
 */
export class EnableRowLevelSecurity1796224018776 implements MigrationInterface {
  name = 'EnableRowLevelSecurity1796224018776';

  async up(q: QueryRunner): Promise<void> {
    // Every table with organization_id that does not have the policy yet (tables of later migrations add their own).
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN
          SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
           WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND tb.table_type = 'BASE TABLE'
        LOOP
          EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
          EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
          IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t AND policyname = 'tenant_isolation') THEN
            EXECUTE format($p$CREATE POLICY tenant_isolation ON %I USING (organization_id = ${TENANT}) WITH CHECK (organization_id = ${TENANT})$p$, t);
          END IF;
        END LOOP;
      END $$`);
    // The organization itself: only the current one.
    await q.query(`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organizations FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON organizations USING (id = ${TENANT}) WITH CHECK (id = ${TENANT})`);

    // Sign-in: which account (and organization) an email names. Sets the tenant, so the caller then reads the
    // account's password hash through the ordinary policy.
    await q.query(`
      CREATE FUNCTION auth_login_candidate(p_email text)
      RETURNS TABLE (staff_member_id uuid, organization_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE found_member record;
      BEGIN
        SELECT s.id, s.organization_id INTO found_member FROM public.staff_members s WHERE s.email = lower(p_email);
        IF NOT FOUND THEN RETURN; END IF;
        PERFORM set_config('app.organization_id', found_member.organization_id::text, true);
        staff_member_id := found_member.id;
        organization_id := found_member.organization_id;
        RETURN NEXT;
      END $$`);

    // Every signed-in request: the live session behind a token hash and its active staff member. Ends an expired or
    // idle session, touches last_seen_at at most once a minute, and sets the tenant for the rest of the transaction.
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
        -- The idle clock needs minutes, not a write per request.
        IF s.last_seen_at < now() - interval '1 minute' THEN
          UPDATE public.auth_sessions a SET last_seen_at = now() WHERE a.id = s.id;
        END IF;
        PERFORM set_config('app.organization_id', s.organization_id::text, true);
        session_id := s.id; organization_id := s.organization_id; staff_member_id := s.staff_member_id;
        csrf_token := s.csrf_token; role := m.role; name := m.name; email := m.email; default_location_id := m.default_location_id;
        RETURN NEXT;
      END $$`);

    // A new sign-in ends the browser's previous session, whoever's (possibly another organization's) it was.
    await q.query(`
      CREATE FUNCTION auth_revoke_session_token(p_token_hash bytea, p_reason text) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        UPDATE public.auth_sessions SET revoked_at = now(), revoked_reason = p_reason
         WHERE token_hash = p_token_hash AND revoked_at IS NULL
      $$`);

    // First run: has anyone been set up yet (anywhere)? Only a yes/no.
    await q.query(`
      CREATE FUNCTION setup_is_complete() RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT EXISTS (SELECT 1 FROM public.staff_members)
      $$`);

    // The public iCalendar feed: the live feed behind a token hash; sets its organization as the tenant.
    await q.query(`
      CREATE FUNCTION calendar_feed_resolve(p_token_sha256 text)
      RETURNS TABLE (organization_id uuid, staff_member_id uuid, name text, is_active boolean)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      #variable_conflict use_column
      DECLARE f record;
      BEGIN
        SELECT cf.organization_id, cf.staff_member_id, sm.name, sm.is_active INTO f
          FROM public.calendar_feeds cf JOIN public.staff_members sm ON sm.organization_id = cf.organization_id AND sm.id = cf.staff_member_id
         WHERE cf.token_sha256 = p_token_sha256 AND cf.revoked_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        PERFORM set_config('app.organization_id', f.organization_id::text, true);
        organization_id := f.organization_id; staff_member_id := f.staff_member_id; name := f.name; is_active := f.is_active;
        RETURN NEXT;
      END $$`);

    // The outbox worker: which organization an outbox row (a pg-boss job names only its id) belongs to, and the due
    // rows of every organization (ids and organizations only).
    await q.query(`
      CREATE FUNCTION outbox_message_organization(p_message_id uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT organization_id FROM public.outbound_messages WHERE id = p_message_id
      $$`);
    await q.query(`
      CREATE FUNCTION outbox_due_messages(p_limit integer) RETURNS TABLE (id uuid, organization_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT id, organization_id FROM public.outbound_messages
         WHERE status = 'pending' AND send_after <= now() ORDER BY send_after, id LIMIT p_limit
      $$`);

    // Only the app role (granted after every migration run) may call them, not every role of the cluster.
    for (const fn of [
      'auth_login_candidate(text)',
      'auth_resolve_session(bytea, integer)',
      'auth_revoke_session_token(bytea, text)',
      'setup_is_complete()',
      'calendar_feed_resolve(text)',
      'outbox_message_organization(uuid)',
      'outbox_due_messages(integer)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of ['auth_login_candidate', 'auth_resolve_session', 'auth_revoke_session_token', 'setup_is_complete', 'calendar_feed_resolve', 'outbox_message_organization', 'outbox_due_messages']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' LOOP
          EXECUTE format('DROP POLICY tenant_isolation ON %I', t);
          EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
          EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
        END LOOP;
      END $$`);
  }
}
