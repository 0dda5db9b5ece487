import { newPatient, signedInOrganization } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * patient_search_names (migration 1796569720000): each clinic's distinct folded names with how many patients bear them,
 * kept by statement triggers on patients, whoever writes (the API under row-level security, or the owner in bulk).
 */
describe('patient search names', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<typeof signedInOrganization>>;

  beforeAll(async () => {
    app = await createTestApp();
    org = await signedInOrganization(app, 'front_desk');
  });
  afterAll(async () => app.close());

  const counts = async (organizationId: string) =>
    Object.fromEntries(
      (
        await app.dataSource.query(`SELECT search_name, patients FROM patient_search_names WHERE organization_id = $1 ORDER BY search_name`, [organizationId])
      ).map((r: { search_name: string; patients: number }) => [r.search_name, r.patients]),
    );

  it('counts the patients of each name as they are registered and renamed', async () => {
    const created = await org.client.post('/api/patients', { firstName: 'Zoë', lastName: 'Quill', dateOfBirth: '1990-01-01' });
    expect(created.status).toBe(201);
    await org.client.post('/api/patients', { firstName: 'Zoe', lastName: 'QUILL', dateOfBirth: '1991-01-01', confirmDuplicate: true });
    expect(await counts(org.organization.id)).toMatchObject({ 'zoe quill': 2 });

    // A rename moves one patient to the new name; an edit that keeps the name changes nothing.
    expect((await org.client.patch(`/api/patients/${created.body.id}`, { lastName: 'Quillon' })).status).toBe(200);
    await org.client.patch(`/api/patients/${created.body.id}`, { email: 'zoe@example.com' });
    expect(await counts(org.organization.id)).toMatchObject({ 'zoe quill': 1, 'zoe quillon': 1 });

    // The last patient of a name renamed, the name goes (an owner's bulk update counts the same way).
    await app.dataSource.query(`UPDATE patients SET last_name = 'Quill' WHERE id = $1`, [created.body.id]);
    expect(await counts(org.organization.id)).toEqual({ 'zoe quill': 2 });
    await app.dataSource.query(`UPDATE patients SET first_name = 'Zoey' WHERE organization_id = $1`, [org.organization.id]);
    expect(await counts(org.organization.id)).toEqual({ 'zoey quill': 2 });
  });

  it('keeps each clinic to its own names, and counts a bulk insert once per name', async () => {
    const other = await signedInOrganization(app, 'owner');
    for (let i = 0; i < 3; i += 1) await newPatient(app.dataSource, other.organization.id, { firstName: 'Ada', lastName: 'Byron' });
    await newPatient(app.dataSource, org.organization.id, { firstName: 'Ada', lastName: 'Byron' });
    expect(await counts(other.organization.id)).toEqual({ 'ada byron': 3 });
    expect(await counts(org.organization.id)).toMatchObject({ 'ada byron': 1 });
    // The app role sees only its clinic's names.
    const seen = await app.appDataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [org.organization.id]);
      return manager.query(`SELECT DISTINCT organization_id FROM patient_search_names`);
    });
    expect(seen).toEqual([{ organization_id: org.organization.id }]);
  });
});
