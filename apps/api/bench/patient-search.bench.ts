import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '../src/common/security/passwords';
import { databaseUrl } from '../test/test-database';
import { runMigrations } from '../src/database/run-migrations';
import { benchAppRole, machineLine, percentile, runBenchmark, sql, withBenchDatabase, withSignedInApi, write } from './bench-support';
import { FIRST_NAMES, LAST_NAMES } from './names';

/**
 * Patient search and list through HTTP against 100,000 and then 1,000,000 patients: `npm run bench:patients`.
 *
 * Creates its own database on DATABASE_URL's server (or an embedded PostgreSQL when unset), migrates it, bulk-loads
 * realistic patients with INSERT ... SELECT generate_series, starts the API, signs in, warms up, then runs the
 * searches one after another and prints p50/p95/p99 per kind of search and overall; then loads up to the next size
 * and measures again, and prints how p95 grew. The database is dropped at the end.
 * BENCH_SIZES (e.g. "100000,1000000"; BENCH_PATIENTS for one size) and BENCH_SEARCHES change the sizes. Targets on a
 * 2-core machine: p95 < 20 ms at 100,000, p95 < 60 ms at 1,000,000, p95 growing less than 2x for 10x the patients.
 * BENCH_KEEP_DATABASES=1 (needs DATABASE_URL) keeps one database per size, skinledger_bench_patients_<size>, and reuses
 * it on the next run after migrating it (loading 1,000,000 patients takes minutes): a size missing is copied from the
 * next smaller kept one and loaded up, so the patients are the same as without it. Drop them by hand when done.
 */

const SIZES = (process.env.BENCH_PATIENTS ?? process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const TARGET_P95_MS: Record<number, number> = { 100_000: 20, 1_000_000: 60 };
const MAX_GROWTH = 2;
const WARM_UP = 60;
const PAGE_SIZE = 20;
const PASSWORD = 'benchmark password 1';


/** Organization, location and an owner to sign in as. */
async function seed(url: string): Promise<{ email: string; organizationId: string; ownerId: string }> {
  const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
  const [org] = await sql<{ id: string }>(url, `INSERT INTO organizations (name) VALUES ('Benchmark Clinic') RETURNING id`);
  const [location] = await sql<{ id: string }>(
    url,
    `INSERT INTO locations (organization_id, name, timezone) VALUES ($1, 'Main', 'America/New_York') RETURNING id`,
    [org.id],
  );
  const [owner] = await sql<{ id: string }>(
    url,
    `INSERT INTO staff_members (organization_id, email, name, role, password_hash, default_location_id)
     VALUES ($1, $2, 'Bench Owner', 'owner', $3, $4) RETURNING id`,
    [org.id, email, await hashPassword(PASSWORD), location.id],
  );
  return { email, organizationId: org.id, ownerId: owner.id };
}

/** Patients number `from` + 1 to `to`, in one statement. */
async function load(url: string, organizationId: string, ownerId: string, from: number, to: number): Promise<void> {
  const started = Date.now();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT setseed($1)`, [from === 0 ? 0.42 : 0.17]);
    await client.query(
      `INSERT INTO patients (organization_id, mrn, first_name, last_name, date_of_birth, sex, phone, email, fitzpatrick_type,
                             archived_at, archived_by, created_at)
       SELECT $1, 'SL-' || lpad(g::text, greatest(6, length(g::text)), '0'), f, l,
              DATE '1940-01-01' + (random() * 30000)::int,
              (ARRAY['female', 'female', 'male', 'other', 'unknown'])[1 + floor(random() * 5)::int],
              CASE WHEN random() < 0.9 THEN '+1' || (201 + floor(random() * 798))::int::text || lpad(floor(random() * 10000000)::int::text, 7, '0') END,
              CASE WHEN random() < 0.8 THEN lower(regexp_replace(f, '[^A-Za-z]', '', 'g')) || '.' || lower(regexp_replace(l, '[^A-Za-z]', '', 'g')) || g || '@example.com' END,
              CASE WHEN random() < 0.85 THEN 1 + floor(random() * 6)::int END,
              archived, CASE WHEN archived IS NOT NULL THEN $5::uuid END,
              now() - make_interval(days => (random() * 3000)::int)
       FROM (
         SELECT g,
                ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS f,
                ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS l,
                CASE WHEN random() < 0.03 THEN now() END AS archived
         FROM generate_series($6::int + 1, $2::int) g
       ) s`,
      [organizationId, to, FIRST_NAMES, LAST_NAMES, ownerId, from],
    );
    await client.query(
      `INSERT INTO patient_mrn_counters (organization_id, last_number) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_number = excluded.last_number`,
      [organizationId, to],
    );
    await client.query(`VACUUM ANALYZE patients`);
  } finally {
    await client.end();
  }
  write(`Loaded patients ${(from + 1).toLocaleString('en-US')} to ${to.toLocaleString('en-US')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Sample {
  id: string;
  mrn: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
}

type Kind = 'full name' | 'misspelled name' | 'surname' | 'surname, page 2' | 'name prefix' | 'phone' | 'email' | 'mrn' | 'list (no q)' | 'list, page 2';

/** One typo in the longest name part: a letter replaced, dropped or two swapped. */
function misspell(name: string, n: number): string {
  const parts = name.split(' ');
  const i = parts.reduce((best, part, k) => (part.length > parts[best].length ? k : best), 0);
  const word = parts[i];
  const at = 1 + (n % Math.max(1, word.length - 2));
  const typo = [
    word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1),
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2),
  ][n % 3];
  parts[i] = typo;
  return parts.join(' ');
}

/** A search; `nextPage` also measures the page after it (by its cursor) as its own kind. */
interface Query {
  kind: Kind;
  q: string;
  expect?: string;
  nextPage?: Kind;
}

function queries(samples: Sample[]): Query[] {
  const out: Query[] = [];
  samples.forEach((s, n) => {
    const national = s.phone ? s.phone.replace(/\D/g, '').slice(-10) : null;
    out.push({ kind: 'full name', q: `${s.first_name} ${s.last_name}`, expect: s.id });
    out.push({ kind: 'misspelled name', q: misspell(`${s.first_name} ${s.last_name}`, n), expect: s.id });
    out.push({ kind: 'surname', q: s.last_name, nextPage: n % 3 === 0 ? 'surname, page 2' : undefined });
    out.push({ kind: 'name prefix', q: s.last_name.slice(0, 4) });
    if (national) out.push({ kind: 'phone', q: `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`, expect: s.id });
    if (s.email) out.push({ kind: 'email', q: s.email.toUpperCase(), expect: s.id });
    out.push({ kind: 'mrn', q: `sl${Number(s.mrn.slice(3))}`, expect: s.id });
    if (n % 3 === 0) out.push({ kind: 'list (no q)', q: '', nextPage: 'list, page 2' });
  });
  return out;
}

interface Page {
  items: { id: string }[];
  hasMore: boolean;
  nextCursor: string | null;
}

interface SizeResult {
  patients: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Measures SEARCHES searches against the patients loaded so far and prints a table per kind. */
async function measure(url: string, patients: number, get: (pathAndQuery: string) => Promise<Response>): Promise<SizeResult> {
  const search = async (q: string, after?: string | null) => {
    const started = process.hrtime.bigint();
    const response = await get(`/api/patients?q=${encodeURIComponent(q)}&pageSize=${PAGE_SIZE}${after ? `&after=${after}` : ''}`);
    const body = (await response.json()) as Page;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`Search "${q}" answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms, body };
  };

  const samples = await sql<Sample>(
    url,
    `SELECT id, mrn, first_name, last_name, phone, email FROM patients WHERE archived_at IS NULL ORDER BY md5(mrn) LIMIT $1`,
    [Math.ceil((SEARCHES + WARM_UP) / 5)],
  );
  const all = queries(samples);
  for (const { q } of all.slice(-WARM_UP)) await search(q);
  const measured = all.slice(0, SEARCHES);

  const byKind = new Map<Kind, { ms: number[]; expected: number; found: number; full: number }>();
  const note = (kind: Kind, ms: number, body: Page, expect?: string) => {
    const stats = byKind.get(kind) ?? { ms: [], expected: 0, found: 0, full: 0 };
    stats.ms.push(ms);
    if (body.hasMore) stats.full += 1;
    if (expect) {
      stats.expected += 1;
      if (body.items.some((i) => i.id === expect)) stats.found += 1;
    }
    byKind.set(kind, stats);
  };
  for (const { kind, q, expect, nextPage } of measured) {
    const { ms, body } = await search(q);
    note(kind, ms, body, expect);
    if (nextPage && body.nextCursor) {
      const next = await search(q, body.nextCursor);
      note(nextPage, next.ms, next.body);
    }
  }

  write();
  write(`${patients.toLocaleString('en-US')} patients: ${measured.length} searches through HTTP (and the next page of some), sequential, after ${WARM_UP} warm-up searches; page size ${PAGE_SIZE}`);
  const row = (cells: (string | number)[]) => write(cells.map((c, i) => String(c).padStart(i === 0 ? 0 : 9).padEnd(i === 0 ? 16 : 0)).join(''));
  row(['kind', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'more', 'found']);
  const everything: number[] = [];
  for (const [kind, stats] of byKind) {
    const sorted = [...stats.ms].sort((a, b) => a - b);
    everything.push(...sorted);
    row([
      kind,
      sorted.length,
      percentile(sorted, 50).toFixed(1),
      percentile(sorted, 95).toFixed(1),
      percentile(sorted, 99).toFixed(1),
      sorted[sorted.length - 1].toFixed(1),
      `${Math.round((100 * stats.full) / sorted.length)}%`,
      stats.expected ? `${Math.round((100 * stats.found) / stats.expected)}%` : '-',
    ]);
  }
  const sorted = everything.sort((a, b) => a - b);
  const result = { patients, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  row(['overall', sorted.length, result.p50.toFixed(1), result.p95.toFixed(1), result.p99.toFixed(1), sorted[sorted.length - 1].toFixed(1), '', '']);
  write('more: answers with a further page; found: the searched-for patient on the first page.');
  return result;
}

const KEEP_DATABASES = process.env.BENCH_KEEP_DATABASES === '1';
const keptDatabase = (size: number) => `skinledger_bench_patients_${size}`;

/** The benchmark clinic of a kept database (its owner's password set again: the hash is not kept anywhere else). */
async function keptClinic(url: string): Promise<{ email: string; organizationId: string; ownerId: string } | null> {
  const [owner] = await sql<{ id: string; email: string; organization_id: string }>(
    url,
    `SELECT s.id, s.email, s.organization_id FROM staff_members s JOIN organizations o ON o.id = s.organization_id
      WHERE o.name = 'Benchmark Clinic' AND s.role = 'owner' LIMIT 1`,
  );
  if (!owner) return null;
  await sql(url, `UPDATE staff_members SET password_hash = $2 WHERE id = $1`, [owner.id, await hashPassword(PASSWORD)]);
  return { email: owner.email, organizationId: owner.organization_id, ownerId: owner.id };
}

/** BENCH_KEEP_DATABASES: each size in its kept database, created (from the smaller one) and loaded only when missing. */
async function mainKeepingDatabases(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('BENCH_KEEP_DATABASES needs DATABASE_URL (a server that outlives the run)');
  const adminUrl = databaseUrl(serverUrl, 'postgres');
  const results: SizeResult[] = [];
  let previous: number | null = null;
  for (const size of SIZES) {
    const database = keptDatabase(size);
    const url = databaseUrl(serverUrl, database);
    const [exists] = await sql(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (!exists) {
      const template = previous !== null ? keptDatabase(previous) : null;
      await sql(adminUrl, `CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`);
      write(`Created ${database}${template ? ` from ${template}` : ''}`);
    }
    await runMigrations(url, benchAppRole);
    const clinic = (await keptClinic(url)) ?? (await seed(url));
    const [{ loaded }] = await sql<{ loaded: number }>(url, `SELECT count(*)::int AS loaded FROM patients WHERE organization_id = $1`, [clinic.organizationId]);
    if (loaded !== size) {
      if (loaded > size) throw new Error(`${database} holds ${loaded} patients, more than ${size}: drop it`);
      await load(url, clinic.organizationId, clinic.ownerId, loaded, size);
    } else {
      await sql(url, `ANALYZE patients`);
      write(`Reusing ${database} (${size.toLocaleString('en-US')} patients)`);
    }
    if (results.length === 0) {
      const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
      write(machineLine(version));
    }
    await withSignedInApi(url, clinic.email, PASSWORD, async (get) => {
      results.push(await measure(url, size, get));
    });
    previous = size;
  }
  summarize(results);
}

function summarize(results: SizeResult[]): void {
  write();
  write('patients     p50 ms   p95 ms   p99 ms   target p95');
  let failed = false;
  for (const r of results) {
    const target = TARGET_P95_MS[r.patients];
    if (target !== undefined && r.p95 >= target) failed = true;
    write(`${r.patients.toLocaleString('en-US').padStart(9)} ${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}   ${target === undefined ? '-' : `< ${target}${r.p95 < target ? ' ok' : ' OVER'}`}`);
  }
  if (results.length > 1) {
    const [first, last] = [results[0], results[results.length - 1]];
    const growth = last.p95 / first.p95;
    const dataGrowth = last.patients / first.patients;
    write(`p95 grew ${growth.toFixed(2)}x for ${dataGrowth.toFixed(0)}x the patients (p50 ${(last.p50 / first.p50).toFixed(2)}x, p99 ${(last.p99 / first.p99).toFixed(2)}x); target < ${MAX_GROWTH}x${growth < MAX_GROWTH ? ' ok' : ' OVER'}`);
    if (dataGrowth >= 10 && growth >= MAX_GROWTH) failed = true;
  }
  if (failed) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (KEEP_DATABASES) return mainKeepingDatabases();
  await withBenchDatabase(async (url) => {
    const { email, organizationId, ownerId } = await seed(url);
    const [{ server_version: version }] = await sql<{ server_version: string }>(url, `SHOW server_version`);
    write(machineLine(version));
    const results: SizeResult[] = [];
    let loaded = 0;
    for (const size of SIZES) {
      await load(url, organizationId, ownerId, loaded, size);
      loaded = size;
      // A fresh API per size: its pool's plans and caches start over like after a deploy.
      await withSignedInApi(url, email, PASSWORD, async (get) => {
        results.push(await measure(url, size, get));
      });
    }

    summarize(results);
  });
}

runBenchmark(main);
