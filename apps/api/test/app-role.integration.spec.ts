import { Client } from 'pg';
import { APPEND_ONLY_TABLES, DEFINER_FUNCTIONS } from '../src/database/app-role-privileges';
import { signedConsent } from './consent-factories';
import { newPatient, signedInOrganization } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The API's database role cannot switch off what protects the records (triggers, append-only tables), and row-level
 * security hides every clinic row unless the transaction names the organization. Checked over every table found in
 * the catalog, so tables of later migrations are covered without editing this file.
 */
let app: TestApp;
let asApp: Client;

beforeAll(async () => {
  app = await createTestApp();
  asApp = new Client({ connectionString: app.appDatabaseUrl });
  await asApp.connect();
});
afterAll(async () => {
  await asApp.end();
  await app.close();
});

const tablesWithOrganization = async (): Promise<string[]> =>
  (
    await app.dataSource.query(
      `SELECT c.table_name AS name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r: { name: string }) => r.name);

/** Runs `sql` as the app role in a transaction that is always rolled back; answers the error's SQLSTATE. */
async function refusal(sql: string, params: unknown[] = [], organizationId?: string): Promise<string | undefined> {
  await asApp.query('BEGIN');
  try {
    if (organizationId) await asApp.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
    await asApp.query(sql, params);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await asApp.query('ROLLBACK');
  }
}

describe('the app role', () => {
  it('is not a superuser, does not bypass RLS, cannot create roles and owns nothing', async () => {
    const { rows } = await asApp.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ name: 'skinledger_app', rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, owned: 0 });
  });

  it('cannot switch triggers off, nor delete audit events, nor change a signed consent', async () => {
    const { organization, client } = await signedInOrganization(app);
    const patient = await newPatient(app.dataSource, organization.id);
    const consent = await signedConsent(client, patient.id);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM audit_events WHERE organization_id = $1`, [organization.id]);
    expect(count).toBeGreaterThan(0);

    expect(await refusal(`SET LOCAL session_replication_role = replica`)).toBe('42501');
    expect(await refusal(`SET session_replication_role = replica`)).toBe('42501');
    expect(await refusal(`ALTER TABLE audit_events DISABLE TRIGGER USER`)).toBe('42501');
    expect(await refusal(`ALTER TABLE consent_records DISABLE TRIGGER ALL`)).toBe('42501');
    expect(await refusal(`DELETE FROM audit_events WHERE organization_id = $1`, [organization.id], organization.id)).toBe('42501');
    expect(await refusal(`TRUNCATE audit_events`)).toBe('42501');
    // UPDATE on consent_records is granted (signing needs it); the trigger refuses the change to a signed one.
    expect(await refusal(`UPDATE consent_records SET signer_name = 'Someone Else' WHERE id = $1`, [consent.id], organization.id)).toBeDefined();
    const [after] = await app.dataSource.query(`SELECT signer_name FROM consent_records WHERE id = $1`, [consent.id]);
    expect(after.signer_name).not.toBe('Someone Else');
    expect(await refusal(`CREATE TABLE sneaky (id int)`)).toBe('42501');
    expect(await refusal(`CREATE ROLE sneaky`)).toBe('42501');
    expect(await refusal(`DELETE FROM consent_records WHERE id = $1`, [consent.id], organization.id)).toBe('42501');
  });

  it('holds neither UPDATE nor DELETE on any table an immutability trigger protects, and TRUNCATE on none', async () => {
    const protectedTables: { name: string }[] = await app.dataSource.query(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE p.proname = 'refuse_change_to_immutable_row' AND (t.tgtype & 16) <> 0 AND (t.tgtype & 8) <> 0 ORDER BY 1`,
    );
    expect(protectedTables.length).toBeGreaterThan(5);
    for (const { name } of protectedTables) {
      expect([name, (APPEND_ONLY_TABLES as readonly string[]).includes(name)]).toEqual([name, true]);
    }
    const { rows } = await asApp.query(
      `SELECT tablename AS name, has_table_privilege(tablename, 'UPDATE') AS can_update, has_table_privilege(tablename, 'DELETE') AS can_delete,
              has_table_privilege(tablename, 'TRUNCATE') AS can_truncate
         FROM pg_tables WHERE schemaname = 'public'`,
    );
    for (const row of rows) {
      expect([row.name, row.can_truncate]).toEqual([row.name, false]);
      if (protectedTables.some((t) => t.name === row.name)) expect([row.name, row.can_update, row.can_delete]).toEqual([row.name, false, false]);
    }
  });
});

describe('SECURITY DEFINER functions', () => {
  it('are the listed ones, pin their search_path, belong to the tables\' owner and are executable by the app role only', async () => {
    const functions: { name: string; config: string[] | null; owner: string; public_can: boolean; app_can: boolean; others: string[] }[] = await app.dataSource.query(
      `SELECT p.oid::regprocedure::text AS name, p.proconfig AS config, pg_get_userbyid(p.proowner) AS owner,
              EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_can,
              has_function_privilege('skinledger_app', p.oid, 'EXECUTE') AS app_can,
              ARRAY(SELECT pg_get_userbyid(a.grantee)::text FROM aclexplode(p.proacl) a
                     WHERE a.grantee NOT IN (0, p.proowner) AND pg_get_userbyid(a.grantee) <> 'skinledger_app') AS others
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`,
    );
    // Every one of them is listed (and so granted) in app-role-privileges.ts.
    expect(functions.map((f) => f.name).sort()).toEqual([...DEFINER_FUNCTIONS].map((f) => f.replaceAll(' ', '')).sort());
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(['patient_close_names(text[],text,boolean,text,text,real,uuid,integer)']));
    const [{ owner }] = await app.dataSource.query(`SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'patients'`);
    for (const fn of functions) {
      expect(fn).toEqual({ name: fn.name, config: ['search_path=pg_catalog, public'], owner, public_can: false, app_can: true, others: [] });
    }
  });

  it('patient_close_names names only candidates of the tenant set, and none without one', async () => {
    const first = await signedInOrganization(app);
    const second = await signedInOrganization(app);
    const own = await newPatient(app.dataSource, first.organization.id, { firstName: 'Rosalind', lastName: 'Whitfield' });
    const foreign = await newPatient(app.dataSource, second.organization.id, { firstName: 'Rosalind', lastName: 'Whitfeld' });
    const call = `SELECT id FROM patient_close_names(ARRAY['rosalind', 'whitfeld'], 'rosalind whitfeld', true, NULL, NULL, NULL, NULL, 10)`;
    expect((await asApp.query(call)).rows).toEqual([]);
    await asApp.query('BEGIN');
    try {
      await asApp.query(`SELECT set_config('app.organization_id', $1, true)`, [first.organization.id]);
      // The other clinic's patient has exactly the name typed; only the own one is named.
      expect((await asApp.query(call)).rows).toEqual([{ id: own.id }]);
    } finally {
      await asApp.query('ROLLBACK');
    }
    expect(foreign.id).not.toBe(own.id);
  });
});

describe('row-level security', () => {
  it('publishes read models as security_invoker views the app role may only read, and they keep each organization apart', async () => {
    const first = await signedInOrganization(app);
    const second = await signedInOrganization(app);
    await newPatient(app.dataSource, first.organization.id);
    await newPatient(app.dataSource, second.organization.id);
    const views: { name: string; options: string[] | null }[] = await app.dataSource.query(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'v' ORDER BY 1`,
    );
    expect(views.map((v) => v.name)).toEqual(expect.arrayContaining(['location_directory', 'patient_directory', 'staff_directory']));
    for (const view of views) {
      // Without security_invoker a view reads its tables as its owner, which bypasses row-level security.
      expect([view.name, view.options]).toEqual([view.name, expect.arrayContaining(['security_invoker=true'])]);
      expect([view.name, (await asApp.query(`SELECT count(*)::int AS count FROM "${view.name}"`)).rows[0].count]).toEqual([view.name, 0]);
      // Refused either for the privilege (42501) or, for a view over a join, because it is not updatable at all (55000).
      expect([view.name, await refusal(`DELETE FROM "${view.name}"`, [], first.organization.id)]).toEqual([view.name, expect.stringMatching(/^(42501|55000)$/)]);
    }
    await asApp.query('BEGIN');
    try {
      await asApp.query(`SELECT set_config('app.organization_id', $1, true)`, [first.organization.id]);
      const { rows } = await asApp.query(`SELECT DISTINCT organization_id FROM patient_directory`);
      expect(rows).toEqual([{ organization_id: first.organization.id }]);
    } finally {
      await asApp.query('ROLLBACK');
    }
  });

  it('is enabled and forced with the tenant policy on every table with organization_id, and on organizations', async () => {
    const tables = [...(await tablesWithOrganization()), 'organizations'];
    expect(tables.length).toBeGreaterThan(30);
    const rows: { name: string; enabled: boolean; forced: boolean; policies: string[] }[] = await app.dataSource.query(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              coalesce(array_agg(p.policyname::text) FILTER (WHERE p.policyname IS NOT NULL), '{}') AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname
        WHERE c.relname = ANY($1) GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity`,
      [tables],
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...tables].sort());
    for (const row of rows) expect(row).toEqual({ name: row.name, enabled: true, forced: true, policies: ['tenant_isolation'] });
  });

  it('shows the app role nothing without app.organization_id, and only the named organization with it', async () => {
    const first = await signedInOrganization(app);
    const second = await signedInOrganization(app);
    const patient = await newPatient(app.dataSource, first.organization.id);
    await signedConsent(first.client, patient.id);
    await newPatient(app.dataSource, second.organization.id);
    const tables = [...(await tablesWithOrganization()), 'organizations'];
    let populated = 0;
    for (const table of tables) {
      const [{ count: ownerCount }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
      if (ownerCount > 0) populated++;
      const { rows } = await asApp.query(`SELECT count(*)::int AS count FROM "${table}"`);
      expect([table, rows[0].count]).toEqual([table, 0]);
    }
    expect(populated).toBeGreaterThan(8);

    await asApp.query('BEGIN');
    try {
      await asApp.query(`SELECT set_config('app.organization_id', $1, true)`, [first.organization.id]);
      const organizations = await asApp.query(`SELECT id FROM organizations`);
      expect(organizations.rows).toEqual([{ id: first.organization.id }]);
      for (const table of await tablesWithOrganization()) {
        const { rows } = await asApp.query(`SELECT count(*)::int AS count FROM "${table}" WHERE organization_id <> $1`, [first.organization.id]);
        expect([table, rows[0].count]).toEqual([table, 0]);
      }
      const patients = await asApp.query(`SELECT organization_id FROM patients`);
      expect(patients.rows).toEqual([{ organization_id: first.organization.id }]);
      // Writing another organization's row is refused too (WITH CHECK).
      const foreignInsert = await asApp.query(`SAVEPOINT s`).then(() =>
        asApp.query(`INSERT INTO locations (organization_id, name, timezone, address, phone) VALUES ($1, 'x', 'UTC', '', '')`, [second.organization.id]).then(
          () => undefined,
          (error: { code?: string }) => error.code,
        ),
      );
      expect(foreignInsert).toBe('42501');
    } finally {
      await asApp.query('ROLLBACK');
    }
  });

  it('keeps 10,000 requests alternating between two organizations on a pool of 2 connections apart', async () => {
    const small = await createTestApp({ DATABASE_POOL_SIZE: '2' });
    try {
      const orgs = await Promise.all([signedInOrganization(small), signedInOrganization(small)]);
      const own = await Promise.all(
        orgs.map(async ({ organization }) => new Set([(await newPatient(small.dataSource, organization.id)).id, (await newPatient(small.dataSource, organization.id)).id])),
      );
      const total = 10_000;
      let next = 0;
      let foreign = 0;
      let failed = 0;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          const which = i % 2;
          const response = await orgs[which].client.get<{ items: { id: string }[] }>(i % 8 < 2 ? '/api/patients?pageSize=10' : '/api/auth/me');
          if (response.status !== 200) {
            failed++;
            continue;
          }
          if ('items' in response.body) foreign += response.body.items.filter((p) => !own[which].has(p.id)).length + (response.body.items.length === 2 ? 0 : 1);
          else if ((response.body as unknown as { organizationId: string }).organizationId !== orgs[which].organization.id) foreign++;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect({ failed, foreign }).toEqual({ failed: 0, foreign: 0 });
    } finally {
      await small.close();
    }
  }, 300_000);
});
