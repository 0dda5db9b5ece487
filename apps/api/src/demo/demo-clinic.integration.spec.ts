import { addMonths, STAFF_ROLES } from '@skinledger/domain';
import type { ApiClient } from '../../test/api-client';
import { signIn } from '../../test/factories';
import { readPdf } from '../../test/pdf-tools';
import { createTestApp, type TestApp } from '../../test/test-app';
import { AuditService } from '../audit/audit.service';
import { loadDemoClinic } from './demo-clinic';
import { isoDaysAgo } from './demo-random';

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
    const lots = (await owner.get('/api/lots?pageSize=200')).body.items as { id: string; lotNumber: string }[];
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
      `SELECT patient_id, count(*)::int AS statuses FROM consent_records WHERE signed_at IS NOT NULL GROUP BY patient_id ORDER BY count(*) DESC, patient_id LIMIT 1`,
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

  it("prints a demo consent's audit trail in order: prepared before signed before witnessed (the clinic loaded above)", async () => {
    const owner = await signIn(app, 'owner@harbour.demo', 'demo password 123');
    const [{ id, created_at, signed_at }]: { id: string; created_at: Date; signed_at: Date }[] = await app.dataSource.query(
      `SELECT id, created_at, signed_at FROM consent_records WHERE witnessed_at IS NOT NULL ORDER BY signed_at LIMIT 1`,
    );
    expect(created_at.getTime()).toBeLessThan(signed_at.getTime());
    const text = readPdf(await consentPdf(app, owner, id)).text;
    // Certificate lines read "Mar 10, 2026, 10:30:15 PM EDT  Prepared from the template".
    const at = (event: string) => {
      const match = new RegExp(`^(\\w{3} \\d{1,2}, \\d{4}), (\\d{1,2}:\\d{2}:\\d{2} [AP]M) (E[SD]T)\\s+${event}`, 'm').exec(text);
      if (!match) throw new Error(`no "${event}" line in the certificate:\n${text}`);
      return Date.parse(`${match[1]} ${match[2]} ${match[3]}`);
    };
    const prepared = at('Prepared from the template');
    const signed = at('Signed by the patient');
    const witnessed = at('Witnessed');
    expect(prepared).toBeLessThan(signed);
    expect(signed).toBeLessThanOrEqual(witnessed);
    expect(signed).toBe(Math.floor(signed_at.getTime() / 1000) * 1000);
  });
  it('gives every report something real over the last 12 months (the clinic loaded above)', async () => {
    const owner = await signIn(app, 'owner@harbour.demo', 'demo password 123');
    const to = isoDaysAgo(0);
    const range = `from=${addMonths(to, -12)}&to=${to}`;
    const report = async (path: string) => {
      const response = await owner.get(`/api/reports/${path}${path.includes('?') ? '&' : '?'}${range}`);
      expect(response.status).toBe(200);
      return response.body;
    };

    // Every depth band has enough patients to compare, and the deeper medical bands improve more on the acne-scar score.
    const outcomes = await report('outcomes-by-depth?scale=goodman_baron_quantitative');
    expect(outcomes.bands.map((b: { band: string }) => b.band)).toHaveLength(5);
    for (const band of outcomes.bands) {
      expect(band.patients).toBeGreaterThanOrEqual(5);
      expect(band.tooFewToCompare).toBe(false);
      expect(band.medianChangePercent).toBeGreaterThan(0);
    }
    const medians: number[] = outcomes.bands.map((b: { medianChangePercent: number }) => b.medianChangePercent);
    expect(medians[4]).toBeGreaterThan(medians[1]);
    expect(medians[1]).toBeGreaterThan(medians[0]);

    const cartridges = await report('cartridges?groupBy=product');
    const [cartridgeRow] = cartridges.rows;
    expect(cartridgeRow.used).toBeGreaterThan(0);
    expect(cartridgeRow.wasted).toBeGreaterThan(0);
    expect(Object.values(cartridgeRow.wastedByReason as Record<string, number>).filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);

    const appointments = (await report('appointments?groupBy=practitioner')).total;
    expect(appointments.noShows).toBeGreaterThan(0);
    expect(appointments.lateCancelled).toBeGreaterThan(0);
    expect(appointments.cancelled).toBeGreaterThan(appointments.lateCancelled);
    expect(appointments.onlineBooked).toBeGreaterThan(0);
    expect(appointments.utilisationPercent).toBeGreaterThan(0);
    expect(appointments.utilisationPercent).toBeLessThan(100);

    const safety = await report('safety');
    expect(safety.adverseEvents).toBeGreaterThan(0);
    expect(safety.preflightRefusals).toBeGreaterThan(0);
    expect(safety.overrideCount).toBeGreaterThan(0);
    expect(new Set(safety.overrides.map((o: { kind: string }) => o.kind))).toEqual(new Set(['contraindication', 'depth']));

    const consents = await report('consents');
    expect(consents.signedRemotely).toBeGreaterThan(0);
    expect(consents.signedAtKiosk).toBeGreaterThan(0);
  });
});

async function consentPdf(app: TestApp, client: ApiClient, id: string): Promise<Buffer> {
  const response = await fetch(`${app.baseUrl}/api/consents/${id}/pdf`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  if (response.status !== 200) throw new Error(`pdf: ${response.status} ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}
