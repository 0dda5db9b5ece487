import { STAFF_ROLES } from '@skinledger/domain';
import { signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { AuditService } from '../audit/audit.service';
import { loadDemoClinic } from './demo-clinic';

describe('demo clinic', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('loads two locations and staff of every role, once', async () => {
    const first = await loadDemoClinic(app.dataSource, 'demo password 123', app.app.get(AuditService));
    expect(first.created).toBe(true);
    expect(new Set(first.accounts.map((a) => a.role))).toEqual(new Set(STAFF_ROLES));
    const again = await loadDemoClinic(app.dataSource, 'demo password 123', app.app.get(AuditService));
    expect(again.created).toBe(false);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM organizations`);
    expect(count).toBe(1);

    const [{ patients, histories }] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM patients) AS patients, (SELECT count(*)::int FROM patient_medical_histories) AS histories`,
    );
    expect(patients).toBe(200);
    expect(histories).toBeGreaterThan(150);

    const owner = await signIn(app, 'owner@harbour.demo', 'demo password 123');
    const search = await owner.get('/api/patients?q=Okafor');
    expect(search.status).toBe(200);
    const alerts = await owner.get('/api/inventory/alerts');
    expect(alerts.status).toBe(200);
    expect(alerts.body.expiring.map((l: { lotNumber: string }) => l.lotNumber)).toEqual(expect.arrayContaining(['SP24H052', 'SP23F019']));
    expect((await owner.get('/api/devices')).body).toHaveLength(4);
    // A treatment history on lot SP24K117: its exposure lists signed sessions, some with adverse events.
    const lots = (await owner.get('/api/lots')).body as { id: string; lotNumber: string }[];
    const used = lots.find((l) => l.lotNumber === 'SP24K117');
    const exposure = await owner.get(`/api/lots/${used?.id}/exposure`);
    expect(exposure.body.sessionCount).toBeGreaterThan(10);
    expect(exposure.body.adverseEventCount).toBeGreaterThan(0);
    expect(exposure.body.sessions.every((s: { status: string }) => s.status === 'signed')).toBe(true);
    expect((await owner.get('/api/services')).body).toHaveLength(4);
    const [{ appointments }] = await app.dataSource.query(`SELECT count(*)::int AS appointments FROM appointments`);
    expect(appointments).toBeGreaterThan(60);
    expect((await owner.get('/api/locations')).body.map((l: { timezone: string }) => l.timezone).sort()).toEqual([
      'America/Chicago',
      'America/New_York',
    ]);
    expect((await app.client().get('/api/setup')).body.needsSetup).toBe(false);

    // Consents: approved default forms and signed, witnessed records whose hashes verify.
    const templates = (await owner.get('/api/consent-templates')).body;
    expect(templates.map((t: { needsReview: boolean }) => t.needsReview)).toEqual([false, false, false, false]);
    const [{ patient_id, statuses }]: { patient_id: string; statuses: number }[] = await app.dataSource.query(
      `SELECT patient_id, count(*)::int AS statuses FROM consent_records WHERE signed_at IS NOT NULL GROUP BY patient_id ORDER BY patient_id LIMIT 1`,
    );
    expect(statuses).toBeGreaterThanOrEqual(2);
    const consents = (await owner.get(`/api/patients/${patient_id}/consents`)).body;
    for (const consent of consents) {
      expect((await owner.get(`/api/consents/${consent.id}/verify`)).body.intact).toBe(true);
    }
    const [{ expired }]: { expired: number }[] = await app.dataSource.query(
      `SELECT count(*)::int AS expired FROM consent_records WHERE signed_at < now() - interval '366 days'`,
    );
    expect(expired).toBeGreaterThan(0);
  });
});
