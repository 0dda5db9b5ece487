import { newPatient, signedInOrganization } from '../../test/factories';
import { StatementCounter } from '../../test/statement-counter';
import { createTestApp, type TestApp } from '../../test/test-app';
import { readRunState } from '../../test/test-database';

/**
 * Issue 15's budget: an audited read route sends at most 5 statements (START, the sign-in check, the read, the audit
 * write, COMMIT), whatever the page size. The audit write is counted as one here: the audit module's own statements
 * are its business; this checks that the patient reads are one statement each, with no savepoint, count or OFFSET.
 */
describe('patient reads: statements per request', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;
  let counter: StatementCounter;
  let patientId: string;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'front_desk');
    for (let n = 0; n < 30; n++) {
      const patient = await newPatient(app.dataSource, org.organization.id, { firstName: `Margaret${n}`, lastName: 'Thompson', email: `margaret${n}@example.com` });
      patientId = patient.id;
    }
    for (const lastName of ['Quill', 'Quince', 'Quaid']) await newPatient(app.dataSource, org.organization.id, { firstName: 'Margaret', lastName, email: null });
    counter = new StatementCounter(readRunState().appRole.name).start();
  });
  afterAll(async () => {
    counter.stop();
    await app.close();
  });

  const budget = async (path: string) => {
    const { result, statements } = await counter.during(() => org.client.get(path));
    expect(result.status).toBe(200);
    const audit = statements.filter((s) => /audit/i.test(s));
    const reads = statements.filter((s) => !/audit|^\s*(START TRANSACTION|BEGIN|COMMIT)|auth_resolve_session/i.test(s));
    // OFFSET 0 is a planner fence that skips nothing; any other OFFSET reads rows only to throw them away.
    expect(statements.join('\n')).not.toMatch(/SAVEPOINT|OFFSET (?!0\b)|count\(\*\) OVER|set_config/i);
    expect(audit.length).toBeGreaterThanOrEqual(1);
    return { reads, withOneAuditWrite: statements.length - audit.length + 1, body: result.body };
  };

  it.each([
    ['the list, first page', '/api/patients?pageSize=5'],
    ['the list, first page of 200', '/api/patients?pageSize=200'],
    ['a name search', '/api/patients?q=margret%20thompsen&pageSize=5'],
    ['a one-word search (e-mail start and names)', '/api/patients?q=margaret&pageSize=5'],
    ['a phone search', '/api/patients?q=555%200100'],
    ['a patient by id', 'PATIENT'],
  ])('%s: one read, at most 5 statements', async (_label, path) => {
    const { reads, withOneAuditWrite } = await budget(path === 'PATIENT' ? `/api/patients/${patientId}` : path);
    expect(reads).toHaveLength(1);
    expect(withOneAuditWrite).toBeLessThanOrEqual(5);
  });

  it('walks every match once, from e-mail starts into names, in the order of one long page', async () => {
    const whole = (await org.client.get('/api/patients?q=margaret&pageSize=200')).body.items.map((p: { id: string }) => p.id);
    expect(whole).toHaveLength(33);
    const walked: string[] = [];
    let after = '';
    for (let page = 0; page < 10; page++) {
      const { reads, withOneAuditWrite, body } = await budget(`/api/patients?q=margaret&pageSize=7${after ? `&after=${after}` : ''}`);
      expect(reads).toHaveLength(1);
      expect(withOneAuditWrite).toBeLessThanOrEqual(5);
      walked.push(...body.items.map((p: { id: string }) => p.id));
      if (!body.hasMore) break;
      after = body.nextCursor;
    }
    expect(walked).toEqual(whole);
  });

  it('reads a later page with one statement too', async () => {
    const first = await budget('/api/patients?q=margaret&pageSize=5');
    const second = await budget(`/api/patients?q=margaret&pageSize=5&after=${first.body.nextCursor}`);
    expect(second.reads).toHaveLength(1);
    expect(second.withOneAuditWrite).toBeLessThanOrEqual(5);
  });
});
