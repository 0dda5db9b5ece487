import Papa from 'papaparse';
import { signedInOrganization, newLocation, newPatient } from '../../test/factories';
import { seedDevice, seedScores, seedSession, type ReportOrg } from '../../test/report-factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Outcomes by depth, recomputed by hand from a seeded clinic (issue 17): courses at known depths with known baselines
 * and last scores on the Goodman & Baron quantitative scale (lower is better), and the rows that must not count.
 */
describe('GET /api/reports/outcomes-by-depth', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const deviceOf = (org: ReportOrg, locationId?: string) => seedDevice(app.dataSource, org, locationId);
  const session = (org: ReportOrg, s: Parameters<typeof seedSession>[2]) => seedSession(app.dataSource, org, s);
  const scores = (org: ReportOrg, patientId: string, scale: string, byDate: [string, number][]) => seedScores(app.dataSource, org, patientId, scale, byDate);

  /** One patient's course outside a plan: a session at the depth, then the scores. */
  async function course(org: ReportOrg, deviceId: string, depthMm: number, byDate: [string, number][], extra: { locationId?: string; signed?: boolean } = {}) {
    const patient = await newPatient(app.dataSource, org.organization.id);
    await session(org, { patientId: patient.id, deviceId, depthMm, on: '2026-03-02', ...extra });
    await scores(org, patient.id, 'goodman_baron_quantitative', byDate);
    return patient;
  }

  it('bands courses by their deepest depth and gives the median and quartiles of improvement, exactly', async () => {
    const org = await signedInOrganization(app, 'owner');
    const device = await deviceOf(org);
    // 0.5–1.0 mm: five patients, baseline 20 → 10, 15, 16, 18, 20 (improvement 50, 25, 20, 10, 0 %); the first has a
    // middle score too (3 scores), and a second, shallower session that does not lower the course's deepest depth.
    const first = await course(org, device, 0.75, [['2026-03-01', 20], ['2026-04-01', 18], ['2026-05-01', 10]]);
    await session(org, { patientId: first.id, deviceId: device, depthMm: 0.25, on: '2026-04-02' });
    for (const last of [15, 16, 18, 20]) await course(org, device, 0.5, [['2026-03-01', 20], ['2026-05-01', last]]);
    // < 0.5 mm: two patients, 20 → 19 and 20 → 18 (5 and 10 %): too few to compare.
    for (const last of [19, 18]) await course(org, device, 0.25, [['2026-03-01', 20], ['2026-05-01', last]]);
    // 2.0–2.5 mm: the device maximum, worse after (20 → 24 is -20 % improvement).
    await course(org, device, 2.5, [['2026-03-01', 20], ['2026-05-01', 24]]);
    // Not counted: one score only; last score after the range; an unsigned session only.
    await course(org, device, 1.0, [['2026-03-01', 20]]);
    await course(org, device, 1.0, [['2026-03-01', 20], ['2026-08-01', 10]]);
    await course(org, device, 1.0, [['2026-03-01', 20], ['2026-05-01', 10]], { signed: false });
    // Another clinic's course at the same depth.
    const other = await signedInOrganization(app, 'owner');
    await course(other, await deviceOf(other), 0.75, [['2026-03-01', 20], ['2026-05-01', 2]]);

    const response = await org.client.get('/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&from=2026-01-01&to=2026-06-30');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ scale: 'goodman_baron_quantitative', lowerIsBetter: true, from: '2026-01-01', to: '2026-06-30', indication: null });
    const byBand = Object.fromEntries((response.body.bands as { band: string }[]).map((b) => [b.band, b]));
    expect(Object.keys(byBand)).toEqual(['<0.5', '0.5–1.0', '1.0–1.5', '1.5–2.0', '2.0–2.5']);
    expect(byBand['0.5–1.0']).toEqual({
      band: '0.5–1.0', minMm: 0.5, maxMm: 1, procedureKind: 'medical',
      patients: 5, courses: 5, assessments: 11,
      medianChangePercent: 20, p25ChangePercent: 10, p75ChangePercent: 25, tooFewToCompare: false,
    });
    expect(byBand['<0.5']).toMatchObject({ patients: 2, courses: 2, assessments: 4, medianChangePercent: 7.5, p25ChangePercent: 6.3, p75ChangePercent: 8.8, tooFewToCompare: true });
    expect(byBand['1.0–1.5']).toMatchObject({ patients: 0, courses: 0, assessments: 0, medianChangePercent: null, tooFewToCompare: true });
    expect(byBand['2.0–2.5']).toMatchObject({ patients: 1, courses: 1, medianChangePercent: -20 });

    // The same figures as a spreadsheet, read back by a CSV parser nobody here wrote.
    const csv = await org.client.get('/api/reports/outcomes-by-depth?scale=goodman_baron_quantitative&from=2026-01-01&to=2026-06-30&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('outcomes-by-depth_goodman_baron_quantitative_2026-01-01_2026-06-30.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const medical = parsed.data.find((r) => r['Depth band (mm)'] === '0.5–1.0');
    expect(medical).toMatchObject({ Patients: '5', Courses: '5', Assessments: '11', 'Median improvement %': '20', '25th percentile %': '10', '75th percentile %': '25', 'Too few to compare': 'no' });
  });

  it('turns a higher-is-better scale so that improvement is positive, and filters by location', async () => {
    const org = await signedInOrganization(app, 'owner');
    const elsewhere = await newLocation(app.dataSource, org.organization.id, { name: 'Uptown' });
    const device = await deviceOf(org);
    const here = await newPatient(app.dataSource, org.organization.id);
    await session(org, { patientId: here.id, deviceId: device, depthMm: 1.5, on: '2026-03-02' });
    await scores(org, here.id, 'tone_index', [['2026-03-01', 400], ['2026-05-01', 500]]);
    const there = await newPatient(app.dataSource, org.organization.id);
    await session(org, { patientId: there.id, deviceId: device, depthMm: 1.5, on: '2026-03-02', locationId: elsewhere.id });
    await scores(org, there.id, 'tone_index', [['2026-03-01', 400], ['2026-05-01', 300]]);

    const all = await org.client.get('/api/reports/outcomes-by-depth?scale=tone_index&from=2026-01-01&to=2026-06-30');
    expect(all.body.lowerIsBetter).toBe(false);
    expect(all.body.bands.find((b: { band: string }) => b.band === '1.5–2.0')).toMatchObject({ patients: 2, p25ChangePercent: -12.5, p75ChangePercent: 12.5 });
    const uptown = await org.client.get(`/api/reports/outcomes-by-depth?scale=tone_index&from=2026-01-01&to=2026-06-30&locationId=${elsewhere.id}`);
    expect(uptown.body.bands.find((b: { band: string }) => b.band === '1.5–2.0')).toMatchObject({ patients: 1, medianChangePercent: -25 });
  });

  it('refuses an unknown scale or a range backwards, naming the field, and a role without the permission', async () => {
    const org = await signedInOrganization(app, 'owner');
    const unknown = await org.client.get('/api/reports/outcomes-by-depth?scale=shine&from=2026-01-01&to=2026-06-30');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(unknown.body)).toContain('scale');
    const backwards = await org.client.get('/api/reports/outcomes-by-depth?scale=glogau&from=2026-06-30&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('to');
    const frontDesk = await signedInOrganization(app, 'front_desk');
    expect((await frontDesk.client.get('/api/reports/outcomes-by-depth?scale=glogau&from=2026-01-01&to=2026-06-30')).status).toBe(403);
  });
});
