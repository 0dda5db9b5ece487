import type { QueryRunner } from 'typeorm';
import { PATIENT_SEARCH_THRESHOLDS } from './migrations/1796569620000-SearchPatientsAPageAtATime';
import { JOB_QUEUE_SCHEMA } from './migrations/1796000000001-CreateJobQueue';
import { DEFINER_FUNCTIONS, JOB_QUEUE_TABLE_PRIVILEGES, privilegesFor } from './app-role-privileges';

/** The restricted role the running API logs in as. */
export interface AppRoleSpec {
  name: string;
  /** Created (or its attributes and password reset) on every run; false when the operator provisions it (DATABASE_APP_URL). */
  create: boolean;
  password?: string;
}

export const DEFAULT_APP_ROLE = 'skinledger_app';
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Errors two processes get when they change the same (cluster-wide) role at the same moment; trying again settles it. */
const RACE_CODES = new Set(['42710', '23505', 'XX000', '40001', '40P01']);

async function retryingRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 8 || !code || !RACE_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}

/**
 * Creates or updates the app role and re-applies its grants from app-role-privileges.ts: run by the owner after every
 * migration run (idempotent), so tables added by later migrations are covered. Refuses to go on when the owner could
 * not see across organizations (it must bypass RLS) or when the app role could (superuser, BYPASSRLS, owns tables).
 */
export async function ensureAppRole(runner: QueryRunner, role: AppRoleSpec): Promise<void> {
  if (!ROLE_NAME.test(role.name)) throw new Error(`The database app role name "${role.name}" must be a plain lower-case identifier`);
  const [owner] = await runner.query(`SELECT current_user AS name, rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`);
  if (!owner?.bypasses) {
    throw new Error(`The migration role ${owner?.name} must be a superuser or have BYPASSRLS (it loads data across organizations)`);
  }
  if (owner.name === role.name) throw new Error('DATABASE_APP_URL must name a role other than the one of DATABASE_URL');

  if (role.create) {
    await retryingRaces(() =>
      runner.query(`
        DO $$ BEGIN
          CREATE ROLE ${role.name} LOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$`),
    );
    const [{ sql }] = await runner.query(
      `SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOREPLICATION INHERIT PASSWORD %L', $1::text, $2::text) AS sql`,
      [role.name, role.password ?? ''],
    );
    await retryingRaces(() => runner.query(sql));
    // Patient search's name thresholds, also in databases copied from a migrated one (which lose database settings).
    await runner.query(`SELECT similarity('a', 'a')`);
    for (const setting of PATIENT_SEARCH_THRESHOLDS) await retryingRaces(() => runner.query(`ALTER ROLE ${role.name} SET ${setting}`));
    // No JIT compilation for the API's statements: they answer in milliseconds, and a report over a year's index rows
    // crossed the JIT cost line and spent 180 ms compiling to save a few (issue 17).
    await retryingRaces(() => runner.query(`ALTER ROLE ${role.name} SET jit = off`));
  }

  const [found] = await runner.query(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
    [role.name],
  );
  if (!found) throw new Error(`The database role ${role.name} (DATABASE_APP_URL) does not exist`);
  if (found.rolsuper || found.rolbypassrls || found.rolcreaterole || found.owned > 0) {
    throw new Error(`The database role ${role.name} must be NOSUPERUSER, NOBYPASSRLS, NOCREATEROLE and own no table`);
  }

  await runner.startTransaction();
  try {
    const r = role.name;
    await runner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await runner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
    await runner.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    const tables: { name: string }[] = await runner.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    for (const { name } of tables) {
      await runner.query(`GRANT ${privilegesFor(name).join(', ')} ON TABLE public.${quoteIdent(name)} TO ${r}`);
    }
    // Published read models (views): read only. security_invoker views check the tables' privileges and RLS too.
    const views: { name: string }[] = await runner.query(`SELECT viewname AS name FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`);
    for (const { name } of views) await runner.query(`GRANT SELECT ON TABLE public.${quoteIdent(name)} TO ${r}`);
    await runner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    for (const fn of DEFINER_FUNCTIONS) await runner.query(`GRANT EXECUTE ON FUNCTION public.${fn} TO ${r}`);
    await runner.query(`GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${r}`);
    await runner.query(`GRANT ${JOB_QUEUE_TABLE_PRIVILEGES.join(', ')} ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${r}`);
    await runner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${r}`);
    await runner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${r}`);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
