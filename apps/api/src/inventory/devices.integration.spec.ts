import { randomUUID } from 'node:crypto';
import type { Actor } from '../common/access/actor';
import { newLocation, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DevicesService } from './devices.service';

describe('devices', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const pen = (locationId: string, serialNumber = `SP-${randomUUID().slice(0, 8)}`) => ({ model: 'SkinPen Precision', serialNumber, locationId });

  function actorOf(org: Awaited<ReturnType<typeof signedInOrganization>>): Actor {
    const s = org.staffMember;
    return { staffMemberId: s.id, organizationId: org.organization.id, role: s.role, name: s.name, email: s.email, sessionId: randomUUID(), ip: '127.0.0.1', requestId: 't', locale: 'en-US' };
  }

  it('registers a handpiece, lists and reads it, and audits it', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const created = await client.post('/api/devices', { ...pen(location.id, 'SP-0001'), notes: 'Bought 2026' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ model: 'SkinPen Precision', serialNumber: 'SP-0001', locationId: location.id, status: 'active', statusReason: null, notes: 'Bought 2026' });
    expect((await client.get('/api/devices')).body.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
    expect((await client.get('/api/devices?status=retired')).body).toEqual([]);
    expect((await client.get(`/api/devices/${created.body.id}`)).body).toMatchObject({ id: created.body.id, serviceEvents: [] });
    const [event] = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [created.body.id]);
    expect(event.action).toBe('device.created');
  });

  it('keeps serial numbers unique per organization (409 naming serialNumber), in the database too', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    await client.post('/api/devices', pen(location.id, 'DUP-1'));
    const again = await client.post('/api/devices', pen(location.id, 'DUP-1'));
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'serialNumber', message: 'a device with this serial number already exists' }]);
    const second = await client.post('/api/devices', pen(location.id, 'DUP-2'));
    const rename = await client.patch(`/api/devices/${second.body.id}`, { serialNumber: 'DUP-1' });
    expect(rename.status).toBe(409);
    await expect(
      app.dataSource.query(`INSERT INTO devices (organization_id, location_id, model, serial_number) VALUES ($1, $2, 'X', 'DUP-1')`, [organization.id, location.id]),
    ).rejects.toThrow(/devices_serial_number_unique/);
    const other = await signedInOrganization(app, 'owner');
    expect((await other.client.post('/api/devices', pen(other.location.id, 'DUP-1'))).status).toBe(201);
  });

  it('refuses bad input with a 400 naming every field, and writes nothing', async () => {
    const { client, organization } = await signedInOrganization(app, 'owner');
    const response = await client.post('/api/devices', { model: '', serialNumber: 5, locationId: 'x', status: 'active' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['model', 'serialNumber', 'locationId', 'status']));
    const foreign = await signedInOrganization(app, 'owner');
    const elsewhere = await client.post('/api/devices', pen(foreign.location.id));
    expect(elsewhere.body.errors).toEqual([{ field: 'locationId', message: 'no such location in your organization' }]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM devices WHERE organization_id = $1`, [organization.id]);
    expect(count).toBe(0);
  });

  it('takes a device out of service with a reason and back, moves it, and makes retirement final', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const { body: device } = await client.post('/api/devices', pen(location.id));
    const noReason = await client.patch(`/api/devices/${device.id}`, { status: 'out_of_service' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'statusReason', message: 'statusReason is required to mark a device out of service' }]);
    const broken = await client.patch(`/api/devices/${device.id}`, { status: 'out_of_service', statusReason: 'Motor stalls' });
    expect(broken.body).toMatchObject({ status: 'out_of_service', statusReason: 'Motor stalls' });
    const annex = await newLocation(app.dataSource, organization.id);
    const fixed = await client.patch(`/api/devices/${device.id}`, { status: 'active', locationId: annex.id });
    expect(fixed.body).toMatchObject({ status: 'active', statusReason: null, locationId: annex.id });
    expect((await client.patch(`/api/devices/${device.id}`, { status: 'retired', statusReason: 'End of life' })).body.status).toBe('retired');
    const revive = await client.patch(`/api/devices/${device.id}`, { status: 'active' });
    expect(revive.status).toBe(409);
    expect(revive.body.type).toBe('urn:skinledger:problem:device-retired');
    expect((await client.patch(`/api/devices/${device.id}`, { status: 'paused' })).body.errors[0].field).toBe('status');
    const actions = await app.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [device.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['device.created', 'device.out_of_service', 'device.active', 'device.retired']);
    expect(actions[1].changes.status).toEqual({ from: 'active', to: 'out_of_service' });
  });

  it('keeps a service log, oldest first, append-only', async () => {
    const { client, location } = await signedInOrganization(app, 'nurse');
    const { body: device } = await client.post('/api/devices', pen(location.id));
    const first = await client.post(`/api/devices/${device.id}/service-events`, { occurredOn: '2026-10-01', kind: 'repair', description: 'Motor replaced', performedBy: 'Crown service' });
    expect(first.status).toBe(201);
    await client.post(`/api/devices/${device.id}/service-events`, { occurredOn: '2026-06-01', kind: 'inspection', description: 'Annual check' });
    const detail = await client.get(`/api/devices/${device.id}`);
    expect(detail.body.serviceEvents.map((e: { kind: string }) => e.kind)).toEqual(['inspection', 'repair']);
    expect(detail.body.serviceEvents[1]).toMatchObject({ occurredOn: '2026-10-01', description: 'Motor replaced', performedBy: 'Crown service' });
    const bad = await client.post(`/api/devices/${device.id}/service-events`, { occurredOn: '2026-13-01', kind: 'polish', description: '' });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'kind', 'occurredOn']);
    await expect(app.dataSource.query(`DELETE FROM device_service_events WHERE device_id = $1`, [device.id])).rejects.toThrow(/append-only/);
  });

  it('lets only device managers change devices; every role reads them', async () => {
    const { client, location, organization } = await signedInOrganization(app, 'owner');
    const { body: device } = await client.post('/api/devices', pen(location.id));
    for (const role of ['aesthetician', 'front_desk'] as const) {
      const member = await signIn(app, (await newStaffMember(app.dataSource, organization.id, { role })).email);
      expect((await member.get(`/api/devices/${device.id}`)).status).toBe(200);
      const denied = await member.patch(`/api/devices/${device.id}`, { model: 'X' });
      expect(denied.status).toBe(403);
      expect(denied.body.permission).toBe('devices.manage');
    }
  });

  it('exposes assertUsable for treatment sessions', async () => {
    const org = await signedInOrganization(app, 'owner');
    const { body: device } = await org.client.post('/api/devices', pen(org.location.id));
    const devices = app.app.get(DevicesService);
    const check = (id: string, locationId?: string) => app.dataSource.transaction((m) => devices.assertUsable(m, actorOf(org), id, locationId));
    await expect(check(device.id, org.location.id)).resolves.toMatchObject({ id: device.id });
    const annex = await newLocation(app.dataSource, org.organization.id);
    await expect(check(device.id, annex.id)).rejects.toMatchObject({ status: 422, extensions: { violations: [expect.objectContaining({ code: 'device-elsewhere' })] } });
    await org.client.patch(`/api/devices/${device.id}`, { status: 'out_of_service', statusReason: 'Dropped' });
    await expect(check(device.id)).rejects.toMatchObject({ status: 422, extensions: { violations: [expect.objectContaining({ code: 'device-out-of-service' })] } });
    await org.client.patch(`/api/devices/${device.id}`, { status: 'retired', statusReason: 'Cracked' });
    await expect(check(device.id)).rejects.toMatchObject({ extensions: { violations: [expect.objectContaining({ code: 'device-retired' })] } });
    await expect(check(randomUUID())).rejects.toMatchObject({ status: 404 });
  });
});
