import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { ensureDatabase } from '../database/ensure-database';
import { runMigrations } from '../database/run-migrations';
import { MessageWorker } from '../messaging/message-worker';
import type { MessageTransport, OutgoingMessage } from '../messaging/transports';
import { ApiClient } from '../../test/api-client';
import { newPatient, signedInOrganization } from '../../test/factories';
import { startOwnPostgres, type OwnPostgres } from '../../test/own-postgres';
import { newPractitioner, newRoom, newService } from '../../test/scheduling-factories';
import type { TestApp } from '../../test/test-app';

class RecordingTransport implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the condition holds; answers how long it took (ms), or throws after `ms`. */
async function within(ms: number, condition: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await condition()) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`not within ${ms} ms`);
}

/**
 * An operator restarts PostgreSQL under a running API: a cluster of this test's own is stopped ("fast", so open
 * sessions get 57P01 and idle pool clients an error event) and started again.
 */
describe('database outage', () => {
  let pg: OwnPostgres;
  let app: TestApp;
  let worker: MessageWorker;
  const transport = new RecordingTransport();
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    pg = await startOwnPostgres();
    const url = await ensureDatabase(pg.url, 'skinledger');
    await runMigrations(url);
    const nest = await createApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '' }), url);
    await nest.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(nest.getHttpServer().address() as { port: number }).port}`;
    const dataSource = nest.get(DataSource);
    // The outage, not the role, is under test: this cluster's API logs in as its owner.
    app = { app: nest, baseUrl, dataSource, appDataSource: dataSource, databaseUrl: url, appDatabaseUrl: url, client: () => new ApiClient(baseUrl), close: () => nest.close() };
    // The outbox worker runs on the app's pool, as in production, and must come back by itself.
    worker = new MessageWorker(dataSource, { email: transport }, 'outage-worker', 0.5);
    await worker.start();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    pg?.destroy();
    process.off('uncaughtException', onUncaught);
  }, 60_000);

  it('answers 503 problem+json with Retry-After while the database is away, and recovers by itself', async () => {
    const org = await signedInOrganization(app, 'owner');
    const practitioner = await newPractitioner(app.dataSource, org.client, org.organization.id, org.location.id, { start: '00:00', end: '24:00' });
    const service = await newService(org.client, { durationMin: 30, bufferMin: 0 });
    const room = await newRoom(org.client, org.location.id);
    const patient = await newPatient(app.dataSource, org.organization.id, { email: 'pat@example.com', phone: null, firstName: 'Pat' });
    const createPatient = (lastName: string) => org.client.post('/api/patients', { firstName: 'Ada', lastName, dateOfBirth: '1980-02-03' });
    expect((await createPatient('Before')).status).toBe(201);
    // Hold one transaction open across the stop, so a checked-out client loses its server mid-transaction.
    const runner = app.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query('SELECT 1');

    pg.stop();
    const lostAt = Date.now();
    await expect(runner.query('SELECT 1')).rejects.toBeDefined();
    await runner.release().catch(() => undefined);

    const readyDownMs = await within(5_000, async () => (await app.client().get('/api/health/ready')).status === 503);
    expect(Date.now() - lostAt).toBeLessThan(5_000);
    const responses = await Promise.all([
      org.client.get('/api/patients'),
      org.client.get(`/api/patients/${patient.id}`),
      createPatient('During'),
      app.client().post('/api/auth/login', { email: org.staffMember.email, password: 'whatever-it-is-123' }),
      app.client().get('/api/health/ready'),
    ]);
    for (const response of responses) {
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 503, body: { status: 503 } });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(responses[0].body.type).toBe('urn:skinledger:problem:database-unavailable');
    // The outbox worker polls during the outage (every 0.5 s) and must not bring the process down.
    await sleep(1_500);

    pg.start();
    const restartedAt = Date.now();
    const readyUpMs = await within(5_000, async () => (await app.client().get('/api/health/ready')).status === 200);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
    expect((await createPatient('After')).status).toBe(201);
    const [{ patients }] = await app.dataSource.query(`SELECT count(*)::int AS patients FROM patients WHERE organization_id = $1 AND last_name IN ('Before', 'During', 'After')`, [org.organization.id]);
    expect(patients).toBe(2);

    // The queue resumes: a reminder booked after the restart is delivered by the same worker.
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 900_000) * 900_000).toISOString();
    const booked = await org.client.post('/api/appointments', { serviceId: service.id, practitionerId: practitioner.id, roomId: room.id, locationId: org.location.id, patientId: patient.id, startsAt });
    expect(booked.status).toBe(201);
    await within(15_000, async () => transport.sent.some((m) => m.to === 'pat@example.com' && m.subject.startsWith('Reminder')));

    expect(uncaught).toEqual([]);
    // Figures for the closing note.
    process.stdout.write(`outage: ready 503 after ${readyDownMs} ms, 200 after ${readyUpMs} ms of the restart\n`);
  }, 120_000);
});
