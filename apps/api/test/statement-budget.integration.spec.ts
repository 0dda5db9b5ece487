import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from './api-client';
import { buildOpenApiDocument } from '../src/openapi/openapi-document';
import { caseName, ROUTE_CASES, type RouteCase } from './statement-budget-routes';
import { addRound, newWorld, type World } from './statement-budget-world';
import { StatementCounter } from './statement-counter';
import { createTestApp, type TestApp } from './test-app';
import { readRunState } from './test-database';

/**
 * Issue 15: a read route sends at most 5 SQL statements to PostgreSQL (START, the sign-in check that sets the tenant,
 * the read, its audit event, COMMIT), and as many for one row as for a full page. Every GET route the app serves
 * must have a case here (so a new route cannot slip through). Set STATEMENT_BUDGET_REPORT=1 to print the table of
 * route → statements; it is printed anyway when a route is over budget.
 */
const BUDGET_STATEMENTS = 5;

/**
 * Routes still over the budget, with the most they may send until they are folded (a ratchet: more fails, and so
 * does reaching the budget while still listed, so the entry is removed then). Issue 15 stays open until this is empty.
 */
const OVER_BUDGET_TODAY = new Map<string, number>([]);

interface Measured {
  url: string;
  status: number;
  count: number;
  statements: string[];
}

describe('statement budget of the read routes (issue 15)', () => {
  let app: TestApp;
  let world: World;
  let counter: StatementCounter;
  let servedGetRoutes: string[];
  const pageSizeMaximum = new Map<string, number>();
  const onePage = new Map<string, Measured>();
  const fullPage = new Map<string, Measured>();
  const outcomes = new Map<string, string>();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-budget-'));

  async function measure(into: Map<string, Measured>, small: boolean): Promise<void> {
    const anonymous = app.client();
    for (const routeCase of ROUTE_CASES) {
      const maximum = pageSizeMaximum.get(routeCase.route);
      let url = routeCase.url(world);
      if (maximum !== undefined) url += `${url.includes('?') ? '&' : '?'}pageSize=${small ? 1 : maximum}`;
      const client: ApiClient = routeCase.anonymous ? anonymous : world.c.owner;
      const { result, count, statements } = await counter.during(() => client.get(url));
      into.set(caseName(routeCase), { url, status: result.status, count, statements });
    }
  }

  beforeAll(async () => {
    app = await createTestApp({ DATA_DIR: dataDir });
    const document = buildOpenApiDocument(app.app);
    servedGetRoutes = Object.entries(document.paths)
      .filter(([, item]) => item.get)
      .map(([route]) => route);
    for (const [route, item] of Object.entries(document.paths)) {
      const pageSize = (item.get?.parameters ?? []).find((p) => 'name' in p && p.name === 'pageSize' && p.in === 'query');
      if (pageSize && 'schema' in pageSize) pageSizeMaximum.set(route, (pageSize.schema as { maximum?: number }).maximum ?? 100);
    }
    world = await newWorld(app);
    counter = new StatementCounter(readRunState().appRole.name).start();
    await addRound(app, world);
    await measure(onePage, true);
    for (let round = 1; round < 5; round++) await addRound(app, world);
    await measure(fullPage, false);
  }, 180_000);

  afterAll(async () => {
    counter?.stop();
    const over = [...outcomes.values()].some((outcome) => outcome.startsWith('OVER'));
    if (process.env.STATEMENT_BUDGET_REPORT || over) process.stdout.write(report());
    // Every route's statements, for whoever is folding them.
    if (process.env.STATEMENT_BUDGET_DUMP) fs.writeFileSync(process.env.STATEMENT_BUDGET_DUMP, JSON.stringify(Object.fromEntries(fullPage), null, 1));
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function report(): string {
    const rows = ROUTE_CASES.map((routeCase) => {
      const name = caseName(routeCase);
      const small = onePage.get(name);
      const full = fullPage.get(name);
      return `${name.padEnd(62)} ${String(small?.count ?? '-').padStart(3)} ${String(full?.count ?? '-').padStart(4)}  ${outcomes.get(name) ?? ''}`;
    });
    return `\nStatements per read route (one row / full page), budget ${BUDGET_STATEMENTS}:\n${rows.join('\n')}\n`;
  }

  it('has a case for every GET route the app serves, and none for a route it does not', () => {
    const covered = new Set(ROUTE_CASES.map((c) => c.route));
    expect({ withoutCase: servedGetRoutes.filter((route) => !covered.has(route)) }).toEqual({ withoutCase: [] });
    expect({ unknown: [...covered].filter((route) => !servedGetRoutes.includes(route)) }).toEqual({ unknown: [] });
  });

  function check(routeCase: RouteCase): void {
    const name = caseName(routeCase);
    const small = onePage.get(name) as Measured;
    const full = fullPage.get(name) as Measured;
    const answer = { status: full.status, oneRowStatus: small.status, withinBudget: full.count <= (OVER_BUDGET_TODAY.get(name) ?? BUDGET_STATEMENTS), sameForOneRowAndFullPage: small.count === full.count };
    const ok = answer.status === 200 && answer.oneRowStatus === 200 && answer.withinBudget && answer.sameForOneRowAndFullPage;
    outcomes.set(name, ok ? (OVER_BUDGET_TODAY.has(name) ? `over budget, at most ${OVER_BUDGET_TODAY.get(name)} until folded` : 'ok') : `OVER: ${JSON.stringify(answer)}`);
    const ceiling = OVER_BUDGET_TODAY.get(name);
    if (ceiling !== undefined) expect({ route: name, stillOverBudget: full.count > BUDGET_STATEMENTS }).toEqual({ route: name, stillOverBudget: true });
    if (!ok) {
      // Name the statements, so the failure says what to fold.
      const listing = (m: Measured) => m.statements.map((s, i) => `  ${i + 1}. ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n');
      expect({ ...answer, url: full.url, fullPage: `\n${listing(full)}`, oneRow: `\n${listing(small)}` }).toEqual({
        ...answer,
        status: 200,
        oneRowStatus: 200,
        withinBudget: true,
        sameForOneRowAndFullPage: true,
        url: full.url,
        fullPage: `\n${listing(full)}`,
        oneRow: `\n${listing(small)}`,
      });
    }
  }

  it.each(ROUTE_CASES.map((c) => [caseName(c), c] as const))(`%s: 200, at most ${BUDGET_STATEMENTS} statements, as many for one row as for a full page`, (_name, routeCase) => {
    check(routeCase);
  });
});
