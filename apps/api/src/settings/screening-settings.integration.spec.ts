import { DEFAULT_SCREENING_SETTINGS } from '@skinledger/domain';
import { signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('screening settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('starts from the domain.md defaults', async () => {
    const { client } = await signedInOrganization(app, 'admin');
    const response = await client.get('/api/settings/screening');
    expect(response.status).toBe(200);
    expect(response.body.overrides).toEqual({});
    expect(response.body.effective).toMatchObject({
      historyMaxAgeDays: 90,
      pihRiskMinFitzpatrickType: 5,
      windows: { isotretinoin_window: { months: 6 }, waxing_window: { days: 3 } },
      severity: { pregnancy: 'absolute', keloid_history: 'relative' },
    });
    expect(response.body.effective.severity).toEqual(DEFAULT_SCREENING_SETTINGS.severity);
  });

  it('replaces the overrides, keeps other organization settings, and audits the change', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    await app.dataSource.query(`UPDATE organizations SET settings = '{"other": {"keep": true}}' WHERE id = $1`, [organization.id]);
    const overrides = {
      windows: { isotretinoin_window: { months: 12 } },
      severityByProcedure: { cosmetic: { waxing_window: 'relative' } },
      historyMaxAgeDays: 30,
    };
    const put = await client.put('/api/settings/screening', overrides);
    expect(put.status).toBe(200);
    expect(put.body.overrides).toEqual(overrides);
    expect(put.body.effective).toMatchObject({ historyMaxAgeDays: 30, windows: { isotretinoin_window: { months: 12 }, radiation_window: { months: 3 } } });
    expect((await client.get('/api/settings/screening')).body.overrides).toEqual(overrides);
    const [row] = await app.dataSource.query(`SELECT settings FROM organizations WHERE id = $1`, [organization.id]);
    expect(row.settings).toEqual({ other: { keep: true }, screening: overrides });
    const events = await client.get('/api/audit-events?action=settings.screening_updated');
    expect(events.body.items[0].changes.screening).toEqual({ from: {}, to: overrides });

    expect((await client.put('/api/settings/screening', {})).body.effective.historyMaxAgeDays).toBe(90);
  });

  it('refuses invalid settings naming each field, and stores nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await client.put('/api/settings/screening', {
      severity: { pregnancy: 'maybe', bogus: 'off' },
      windows: { waxing_window: { days: -1 } },
      historyMaxAgeDays: -5,
      pihRiskMinFitzpatrickType: 9,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'historyMaxAgeDays',
      'pihRiskMinFitzpatrickType',
      'severity',
      'severity',
      'windows',
    ]);
    const shape = await client.put('/api/settings/screening', { windows: { waxing_window: 3 }, severity: ['x'], anticoagulantMedicationNames: 'warfarin', extra: 1 });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['windows', 'severity', 'anticoagulantMedicationNames', 'extra']),
    );
    const [row] = await app.dataSource.query(`SELECT settings FROM organizations WHERE id = $1`, [organization.id]);
    expect(row.settings).toEqual({});
  });

  it('keeps screening settings to owners and admins', async () => {
    const { client } = await signedInOrganization(app, 'physician');
    expect((await client.get('/api/settings/screening')).status).toBe(403);
    expect((await client.put('/api/settings/screening', {})).status).toBe(403);
  });
});
