import { normalizeStoredPhones } from '../../database/migrations/1796568400002-NormalizePhonesToE164';
import { newLocation, newOrganization, newPatient, signedInOrganization } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * Issue 13: phones stored E.164, read in the location's country when typed without a country code; numbers already on
 * file migrated, unreadable ones kept as typed and reported.
 */
describe('phone numbers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  describe('the migration of numbers already on file', () => {
    it('rewrites national and international forms to E.164 in each location’s country, and keeps what it cannot read', async () => {
      const us = await newOrganization(app.dataSource);
      const gb = await newOrganization(app.dataSource);
      // The factory's location is in New York; London's gets GB from its zone (the insert trigger).
      await app.dataSource.query(`UPDATE locations SET timezone = 'Europe/London', country_code = 'GB' WHERE id = $1`, [gb.location.id]);
      const brooklyn = await newLocation(app.dataSource, us.organization.id, { phone: '(718) 555 1141' });
      const queens = await newLocation(app.dataSource, us.organization.id, { phone: '+1 718-555-1010' });
      const frontDesk = await newLocation(app.dataSource, us.organization.id, { phone: 'ask for Dana' });
      await app.dataSource.query(`UPDATE locations SET phone = '020 7946 0018' WHERE id = $1`, [gb.location.id]);

      const stored = async (phone: string, organizationId = us.organization.id, emergency?: string) =>
        newPatient(app.dataSource, organizationId, { phone, ...(emergency ? { emergencyContact: { name: 'Kin', phone: emergency } } : {}) });
      const national = await stored('9175550199', us.organization.id, '(212) 555-0100');
      const withTrunk = await stored('17185551141');
      const alreadyE164 = await stored('+17185551010');
      const london = await stored('02079460018', gb.organization.id);
      const unreadable = await stored('5551234');

      const report = await normalizeStoredPhones(app.dataSource, 2);

      const phoneOf = async (table: 'locations' | 'patients', id: string) =>
        (await app.dataSource.query(`SELECT phone${table === 'patients' ? `, emergency_contact ->> 'phone' AS contact` : ''} FROM ${table} WHERE id = $1`, [id]))[0];
      expect(await phoneOf('locations', brooklyn.id)).toEqual({ phone: '+17185551141' });
      expect(await phoneOf('locations', queens.id)).toEqual({ phone: '+17185551010' });
      expect(await phoneOf('locations', gb.location.id)).toEqual({ phone: '+442079460018' });
      expect(await phoneOf('patients', national.id)).toEqual({ phone: '+19175550199', contact: '+12125550100' });
      expect(await phoneOf('patients', withTrunk.id)).toEqual({ phone: '+17185551141', contact: null });
      expect(await phoneOf('patients', alreadyE164.id)).toEqual({ phone: '+17185551010', contact: null });
      expect(await phoneOf('patients', london.id)).toEqual({ phone: '+442079460018', contact: null });
      // Never dropped: kept as typed, and reported.
      expect(await phoneOf('locations', frontDesk.id)).toEqual({ phone: 'ask for Dana' });
      expect(await phoneOf('patients', unreadable.id)).toEqual({ phone: '5551234', contact: null });
      expect(report.unreadable).toEqual(
        expect.arrayContaining([
          { table: 'locations', id: frontDesk.id, field: 'phone' },
          { table: 'patients', id: unreadable.id, field: 'phone' },
        ]),
      );
      expect(report.unreadable).toHaveLength(2);
      expect(report.normalized).toBeGreaterThanOrEqual(7);
      expect(report.unchanged).toBeGreaterThanOrEqual(1);

      // Running it again changes nothing more.
      const again = await normalizeStoredPhones(app.dataSource);
      expect(again.normalized).toBe(0);
      expect(again.unreadable).toHaveLength(2);
    });
  });

  describe('the API', () => {
    it('stores a patient’s number typed without a country code in E.164 and refuses one that is not valid, naming the field', async () => {
      const { client } = await signedInOrganization(app, 'front_desk');
      const person = { firstName: 'Elena', lastName: 'Marsh', dateOfBirth: '1988-04-02' };
      const created = await client.post('/api/patients', { ...person, phone: '(917) 555-0199', emergencyContact: { name: 'Tom', phone: '212 555 0100' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ phone: '+19175550199', emergencyContact: { phone: '+12125550100' } });

      const foreign = await client.post('/api/patients', { ...person, firstName: 'Olive', phone: '+44 20 7946 0018' });
      expect(foreign.status).toBe(201);
      expect(foreign.body.phone).toBe('+442079460018');

      const invalid = await client.post('/api/patients', { ...person, firstName: 'Ida', phone: '555 1234' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([{ field: 'phone', message: expect.stringContaining('is not a valid phone number in United States') }]);
      const contact = await client.patch(`/api/patients/${created.body.id}`, { emergencyContact: { name: 'Tom', phone: '123' } });
      expect(contact.status).toBe(400);
    });

    it('stores a location’s number in its country’s E.164, defaulting the country from the time zone', async () => {
      const { client } = await signedInOrganization(app, 'owner');
      const london = await client.post('/api/locations', { name: 'Marylebone', timezone: 'Europe/London', phone: '020 7946 0018' });
      expect(london.status).toBe(201);
      expect(london.body).toMatchObject({ countryCode: 'GB', phone: '+442079460018' });
      const ny = await client.post('/api/locations', { name: 'Brooklyn', timezone: 'America/New_York', phone: '(718) 555 1141' });
      expect(ny.body).toMatchObject({ countryCode: 'US', phone: '+17185551141' });
      const bad = await client.post('/api/locations', { name: 'Queens', timezone: 'America/New_York', phone: '555-1234' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'phone', message: expect.stringContaining('United States') }]);
      const changed = await client.patch(`/api/locations/${london.body.id}`, { countryCode: 'IE', phone: '01 234 5678' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ countryCode: 'IE', phone: '+35312345678' });
    });
  });
});
