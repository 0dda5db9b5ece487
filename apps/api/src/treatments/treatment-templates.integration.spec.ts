import { newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, credential, giveConsents, walkIn } from '../../test/treatment-factories';

/**
 * Treatment templates per indication (issue 13): the clinic's named protocols, held to the preflight's depth rules
 * when saved and checked again when read and applied; written by clinicians who keep protocols, applied by anyone who
 * charts; never visible across organizations.
 */
describe('treatment templates', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const acneScars = {
    name: 'Acne scars, full face',
    indication: 'acne_scars',
    notes: 'Stop at uniform pinpoint bleeding.',
    // Given out of charting order on purpose: the template keeps the face's order (forehead before cheeks).
    zones: [
      { zone: 'cheeks', depthMm: 1.5, passes: 3 },
      { zone: 'forehead', depthMm: 0.5, passes: 2 },
    ],
  };
  const codes = (body: { violations?: { code: string; subject?: string }[] }) => (body.violations ?? []).map((v) => `${v.code}:${v.subject}`);
  const templateCount = async (organizationId: string) =>
    Number((await app.dataSource.query(`SELECT count(*) FROM treatment_templates WHERE organization_id = $1`, [organizationId]))[0].count);
  const auditActions = async (id: string) =>
    (await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_type = 'treatment_template' AND entity_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );

  it('creates, lists by indication, reads, replaces and deletes a template, each change audited', async () => {
    const owner = await signedInOrganization(app, 'owner');
    const created = await owner.client.post('/api/treatment-templates', acneScars);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Acne scars, full face',
      indication: 'acne_scars',
      indicationLabel: 'Acne scars',
      notes: 'Stop at uniform pinpoint bleeding.',
      zones: [
        { zone: 'forehead', label: 'Forehead', depthMm: 0.5, passes: 2 },
        { zone: 'cheeks', label: 'Cheeks', depthMm: 1.5, passes: 3 },
      ],
      findings: [],
      updatedByName: owner.staffMember.name,
    });
    const id = created.body.id as string;
    const fineLines = await owner.client.post('/api/treatment-templates', {
      name: 'Fine lines, forehead',
      indication: 'fine_lines',
      zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }],
    });
    expect(fineLines.status).toBe(201);

    const all = await owner.client.get('/api/treatment-templates');
    // By indication (acne scars before fine lines), then name.
    expect(all.body.map((t: { name: string }) => t.name)).toEqual(['Acne scars, full face', 'Fine lines, forehead']);
    const acne = await owner.client.get('/api/treatment-templates?indication=acne_scars');
    expect(acne.body.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await owner.client.get('/api/treatment-templates?indication=stretch_marks')).body).toEqual([]);
    expect((await owner.client.get(`/api/treatment-templates/${id}`)).body.zones).toHaveLength(2);

    const replaced = await owner.client.put(`/api/treatment-templates/${id}`, {
      ...acneScars,
      name: 'Acne scars, cheeks only',
      zones: [{ zone: 'cheeks', depthMm: 1.25, passes: 4 }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Acne scars, cheeks only', zones: [{ zone: 'cheeks', depthMm: 1.25, passes: 4 }] });
    const [stored] = await app.dataSource.query(`SELECT count(*)::int AS zones FROM treatment_template_zones WHERE template_id = $1`, [id]);
    expect(stored.zones).toBe(1);

    const deleted = await owner.client.delete(`/api/treatment-templates/${id}`);
    expect(deleted.status).toBe(204);
    expect((await owner.client.get(`/api/treatment-templates/${id}`)).status).toBe(404);
    const [orphans] = await app.dataSource.query(`SELECT count(*)::int AS zones FROM treatment_template_zones WHERE template_id = $1`, [id]);
    expect(orphans.zones).toBe(0);
    expect(await auditActions(id)).toEqual(['treatment_template.created', 'treatment_template.updated', 'treatment_template.deleted']);
  });

  it('refuses with 422 every zone the preflight would block, and writes nothing', async () => {
    const owner = await signedInOrganization(app, 'owner');
    await owner.client.put('/api/settings/treatment', { zoneMaxMm: { cheeks: 1.5 } });
    const refused = await owner.client.post('/api/treatment-templates', {
      name: 'Too deep',
      indication: 'acne_scars',
      zones: [
        { zone: 'cheeks', depthMm: 1.75, passes: 3 },
        { zone: 'forehead', depthMm: 0.3, passes: 2 },
        { zone: 'stretch_marks', depthMm: 2.75, passes: 2 },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(codes(refused.body).sort()).toEqual(['zone-above-device-max:stretch_marks', 'zone-above-zone-max:cheeks', 'zone-off-device-step:forehead']);
    expect(refused.body.violations.find((v: { subject: string }) => v.subject === 'cheeks').message).toMatch(
      /^Cheeks: 1\.75 mm is deeper than the zone maximum of 1\.5 mm: a template stays within the maximum/,
    );
    expect(await templateCount(owner.organization.id)).toBe(0);

    // A warning (deeper than the maker's evaluated 1.5 mm) is allowed, and said.
    const deepBody = await owner.client.post('/api/treatment-templates', {
      name: 'Stretch marks, abdomen',
      indication: 'stretch_marks',
      zones: [{ zone: 'stretch_marks', depthMm: 2, passes: 2 }],
    });
    expect(deepBody.status).toBe(201);
    expect(deepBody.body.findings).toEqual([expect.objectContaining({ code: 'zone-beyond-evaluated-depth', subject: 'stretch_marks', severity: 'warning' })]);

    // Replacing is held to the same rules; the stored template stays as it was.
    const worse = await owner.client.put(`/api/treatment-templates/${deepBody.body.id}`, {
      name: 'Stretch marks, abdomen',
      indication: 'stretch_marks',
      zones: [{ zone: 'stretch_marks', depthMm: 3, passes: 2 }],
    });
    expect(worse.status).toBe(422);
    expect(codes(worse.body)).toEqual(['zone-above-device-max:stretch_marks']);
    expect((await owner.client.get(`/api/treatment-templates/${deepBody.body.id}`)).body.zones).toEqual([
      { zone: 'stretch_marks', label: 'Stretch marks (body)', depthMm: 2, passes: 2 },
    ]);
  });

  it('refuses malformed templates (400) and a second template of the same name in any letter case (409)', async () => {
    const owner = await signedInOrganization(app, 'owner');
    const bad = [
      { ...acneScars, zones: [] },
      { ...acneScars, zones: [acneScars.zones[0], acneScars.zones[0]] },
      { ...acneScars, indication: 'elbows' },
      { ...acneScars, zones: [{ zone: 'elbow', depthMm: 0.5, passes: 1 }] },
      { ...acneScars, zones: [{ zone: 'cheeks', depthMm: 0.5, passes: 0 }] },
      { ...acneScars, name: '   ' },
    ];
    for (const body of bad) expect((await owner.client.post('/api/treatment-templates', body)).status).toBe(400);
    expect((await owner.client.post('/api/treatment-templates', acneScars)).status).toBe(201);
    const twin = await owner.client.post('/api/treatment-templates', { ...acneScars, name: 'ACNE SCARS, FULL FACE' });
    expect(twin.status).toBe(409);
    expect(twin.body.type).toBe('urn:skinledger:problem:name-taken');
    expect(await templateCount(owner.organization.id)).toBe(1);
  });

  it('lets clinicians who keep protocols write templates; aestheticians apply them; front desk sees none', async () => {
    const c = await chair(app);
    // The nurse of the chair keeps protocols.
    const written = await c.practitioner.post('/api/treatment-templates', acneScars);
    expect(written.status).toBe(201);
    const aesthetician = await newStaffMember(app.dataSource, c.organization.id, { role: 'aesthetician', defaultLocationId: c.location.id });
    const aClient = await signIn(app, aesthetician.email);
    expect((await aClient.get('/api/treatment-templates')).status).toBe(200);
    expect((await aClient.post('/api/treatment-templates', { ...acneScars, name: 'Mine' })).status).toBe(403);
    expect((await aClient.put(`/api/treatment-templates/${written.body.id}`, acneScars)).status).toBe(403);
    expect((await aClient.delete(`/api/treatment-templates/${written.body.id}`)).status).toBe(403);
    const desk = await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk', defaultLocationId: c.location.id });
    expect((await (await signIn(app, desk.email)).get('/api/treatment-templates')).status).toBe(403);
  });

  it('is checked again when read and when applied: a lowered zone maximum and the practitioner’s licence block it at the preflight', async () => {
    const c = await chair(app);
    await giveConsents(app, c, ['cosmetic_needling', 'medical_needling']);
    const template = (await c.owner.post('/api/treatment-templates', acneScars)).body as { id: string; zones: { zone: string; depthMm: number; passes: number }[] };
    const applied = (t: { zones: { zone: string; depthMm: number; passes: number }[] }) => t.zones.map(({ zone, depthMm, passes }) => ({ zone, depthMm, passes }));

    expect((await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, { zones: applied(template) }))).body.ok).toBe(true);

    // The clinic lowers the cheeks after the template was saved: reading says so, the preflight blocks it.
    await c.owner.put('/api/settings/treatment', { zoneMaxMm: { cheeks: 1.25 } });
    const read = await c.practitioner.get(`/api/treatment-templates/${template.id}`);
    expect(read.body.findings).toEqual([expect.objectContaining({ code: 'zone-above-zone-max', subject: 'cheeks', severity: 'blocker' })]);
    const blocked = await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, { zones: applied(read.body) }));
    expect(blocked.body.blockers.map((b: { code: string }) => b.code)).toEqual(['zone-above-zone-max']);
    const start = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { zones: applied(read.body) }));
    expect(start.status).toBe(422);

    // An aesthetician's licence stops short of medical depth: the same template is refused for them.
    const aesthetician = await newStaffMember(app.dataSource, c.organization.id, { role: 'aesthetician', defaultLocationId: c.location.id });
    await credential(app.dataSource, c.organization.id, aesthetician.id, 'licensed_aesthetician');
    const aClient = await signIn(app, aesthetician.email);
    const licence = await aClient.post('/api/treatment-sessions/preflight', walkIn(c, { zones: applied(template) }));
    expect(licence.body.blockers.map((b: { code: string }) => b.code)).toContain('zone-above-practitioner-max');
  });

  it('keeps templates inside their organization', async () => {
    const a = await signedInOrganization(app, 'owner');
    const b = await signedInOrganization(app, 'owner');
    const bTemplate = (await b.client.post('/api/treatment-templates', acneScars)).body as { id: string };
    expect((await a.client.get('/api/treatment-templates')).body).toEqual([]);
    for (const response of [
      await a.client.get(`/api/treatment-templates/${bTemplate.id}`),
      await a.client.put(`/api/treatment-templates/${bTemplate.id}`, { ...acneScars, name: 'Hijacked' }),
      await a.client.delete(`/api/treatment-templates/${bTemplate.id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('urn:skinledger:problem:not-found');
    }
    // The same name is free in another clinic.
    expect((await a.client.post('/api/treatment-templates', acneScars)).status).toBe(201);
    const [stored] = await app.dataSource.query(`SELECT name FROM treatment_templates WHERE id = $1`, [bTemplate.id]);
    expect(stored.name).toBe('Acne scars, full face');
    // Row-level security: the app role sees nothing without the organization set.
    const rows = await app.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE skinledger_app`);
      return manager.query(`SELECT id FROM treatment_templates UNION ALL SELECT template_id FROM treatment_template_zones`);
    });
    expect(rows).toEqual([]);
  });
});
