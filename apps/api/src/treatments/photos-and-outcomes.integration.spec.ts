import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '@skinledger/domain';
import { newStaffMember, signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, giveConsents, NEW_YORK_TODAY, walkIn, type Chair } from '../../test/treatment-factories';

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Clinical photos behind the photography consent, and outcome scores with their change from baseline. */
describe('photos and outcomes', () => {
  let app: TestApp;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skinledger-photos-'));
  beforeAll(async () => {
    app = await createTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function upload(c: Chair, sessionId: string, fields: Record<string, string>, bytes: Buffer = PNG) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
    return c.practitioner.post(`/api/treatment-sessions/${sessionId}/photos`, form);
  }

  async function session(c: Chair) {
    const response = await c.practitioner.post('/api/treatment-sessions', walkIn(c));
    if (response.status !== 201) throw new Error(`Starting a session failed: ${response.status} ${response.text}`);
    return response.body.session as { id: string };
  }

  it('refuses photos without a photography consent, then stores them with a checksum and serves them to clinicians only', async () => {
    const c = await chair(app, { lotQuantity: 5 });
    await giveConsents(app, c, ['cosmetic_needling']);
    const s = await session(c);
    const refused = await upload(c, s.id, { phase: 'before', angle: 'front' });
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toEqual([expect.objectContaining({ code: 'consent-missing', subject: 'photography' })]);

    await giveConsents(app, c, ['photography']);
    const badAngle = await upload(c, s.id, { phase: 'before', angle: 'top' });
    expect(badAngle.status).toBe(400);
    expect(badAngle.body.errors[0].field).toBe('angle');
    const notImage = await upload(c, s.id, { phase: 'before', angle: 'front' }, Buffer.from('%PDF-1.7 not an image'));
    expect(notImage.status).toBe(400);
    expect(notImage.body.errors[0].field).toBe('file');

    const stored = await upload(c, s.id, { phase: 'before', angle: 'front' });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ phase: 'before', angle: 'front', contentType: 'image/png', byteSize: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const image = await c.owner.get(stored.body.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('private, no-store');
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk' })).email);
    expect((await frontDesk.get(stored.body.url)).status).toBe(403);

    // A file altered on disk is noticed, not shown.
    const file = path.join(dataDir, 'photos', c.organization.id, stored.body.id);
    fs.writeFileSync(file, Buffer.concat([PNG, Buffer.from([0])]));
    const altered = await c.owner.get(stored.body.url);
    expect(altered.status).toBe(500);
    expect(altered.body.type).toContain('photo-integrity');
  });

  it('compares two sessions of one patient at the same angle', async () => {
    const c = await chair(app, { lotQuantity: 5 });
    await giveConsents(app, c, ['cosmetic_needling', 'photography']);
    const first = await session(c);
    const second = await session(c);
    await upload(c, first.id, { phase: 'before', angle: 'left45' });
    await upload(c, second.id, { phase: 'after', angle: 'left45' });
    await upload(c, second.id, { phase: 'after', angle: 'front' });
    const comparison = await c.owner.get(`/api/photos/compare?sessionA=${first.id}&sessionB=${second.id}&angle=left45`);
    expect(comparison.status).toBe(200);
    expect(comparison.body.a).toMatchObject({ sessionId: first.id, before: expect.objectContaining({ angle: 'left45' }), after: null });
    expect(comparison.body.b).toMatchObject({ sessionId: second.id, before: null, after: expect.objectContaining({ angle: 'left45', phase: 'after' }) });
    expect((await c.owner.get(`/api/patients/${c.patient.id}/photos`)).body).toHaveLength(3);
  });

  it('records outcome scores and shows the change from the baseline', async () => {
    const c = await chair(app);
    const record = (body: Record<string, unknown>) => c.practitioner.post(`/api/patients/${c.patient.id}/assessments`, body);
    expect((await record({ scale: 'goodman_baron_quantitative', score: 24, assessedOn: addDays(NEW_YORK_TODAY(), -90) })).status).toBe(201);
    expect((await record({ scale: 'goodman_baron_quantitative', score: 18, assessedOn: addDays(NEW_YORK_TODAY(), -30) })).status).toBe(201);
    const latest = await record({ scale: 'goodman_baron_quantitative', score: 12, assessedOn: NEW_YORK_TODAY() });
    expect(latest.body).toMatchObject({ baselineScore: 24, changeFromBaselinePercent: -50, improved: true, scaleVersion: 'Goodman & Baron 2006' });

    const outOfRange = await record({ scale: 'goodman_baron_quantitative', score: 90, assessedOn: NEW_YORK_TODAY() });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors).toEqual([{ field: 'score', message: expect.stringContaining('0 to 84') }]);
    const noMethod = await record({ scale: 'pores_index', score: 41.5, assessedOn: NEW_YORK_TODAY() });
    expect(noMethod.body.errors[0].field).toBe('method');
    expect((await record({ scale: 'patient_satisfaction', score: 9, assessedOn: NEW_YORK_TODAY() })).body.changeFromBaselinePercent).toBeNull();

    const list = await c.owner.get(`/api/patients/${c.patient.id}/assessments`);
    expect(list.body.map((a: { score: number }) => a.score)).toEqual([24, 18, 12, 9]);
    expect(list.body[1].changeFromBaselinePercent).toBe(-25);
  });
});
