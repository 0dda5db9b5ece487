import { randomUUID } from 'node:crypto';
import type { Actor } from '../common/access/actor';
import { newLocation, newPatient, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createProduct, daysFromToday, receiveLot } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { LedgerService } from './ledger.service';

describe('stock ledger', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  async function stocked(quantity = 5, expiresOn = daysFromToday(200)) {
    const org = await signedInOrganization(app, 'nurse');
    const product = await createProduct(org.client);
    const { lot } = await receiveLot(org.client, { productId: product.id, locationId: org.location.id, quantity, expiresOn });
    return { ...org, product, lot };
  }

  function actorOf(org: Awaited<ReturnType<typeof signedInOrganization>>): Actor {
    return {
      staffMemberId: org.staffMember.id,
      organizationId: org.organization.id,
      role: org.staffMember.role,
      name: org.staffMember.name,
      email: org.staffMember.email,
      sessionId: randomUUID(),
      ip: '127.0.0.1',
      requestId: 'test',
      locale: 'en-US',
    };
  }

  /** A bare in-progress treatment session row for recordUse to link to (the treatments module's own tests go through HTTP). */
  async function sessionIn(org: Awaited<ReturnType<typeof signedInOrganization>>): Promise<string> {
    const patient = await newPatient(app.dataSource, org.organization.id);
    const [device]: { id: string }[] = await app.dataSource.query(
      `INSERT INTO devices (organization_id, location_id, model, serial_number) VALUES ($1, $2, 'SkinPen', $3) RETURNING id`,
      [org.organization.id, org.location.id, `SN-${randomUUID()}`],
    );
    const [session]: { id: string }[] = await app.dataSource.query(
      `INSERT INTO treatment_sessions (organization_id, patient_id, location_id, practitioner_id, walk_in_reason, device_id, procedure_kind,
                                       max_depth_mm, performed_on, created_by)
       VALUES ($1, $2, $3, $4, 'ledger test', $5, 'cosmetic', 0.25, current_date, $4) RETURNING id`,
      [org.organization.id, patient.id, org.location.id, org.staffMember.id, device.id],
    );
    return session.id;
  }

  const sumOf = async (lotId: string, locationId: string) =>
    (
      await app.dataSource.query(`SELECT coalesce(sum(delta), 0)::int AS total FROM stock_movements WHERE lot_id = $1 AND location_id = $2`, [
        lotId,
        locationId,
      ])
    )[0].total as number;

  it('records waste with a reason, a count adjustment either way, and a return, each moving on-hand', async () => {
    const { client, location, lot } = await stocked(10);
    const waste = await client.post(`/api/lots/${lot.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 2, reason: 'packaging_damaged', note: 'box crushed' });
    expect(waste.status).toBe(201);
    expect(waste.body).toMatchObject({
      lot: { onHand: 8 },
      movements: [{ type: 'wasted', quantity: 2, delta: -2, reason: 'packaging_damaged', note: 'box crushed' }],
    });
    const down = await client.post(`/api/lots/${lot.id}/movements`, { type: 'adjusted', locationId: location.id, quantity: -3, reason: 'Counted 5 on the shelf' });
    expect(down.body).toMatchObject({ lot: { onHand: 5 }, movements: [{ type: 'adjusted', quantity: -3, delta: -3 }] });
    const up = await client.post(`/api/lots/${lot.id}/movements`, { type: 'adjusted', locationId: location.id, quantity: 1, reason: 'Found one in the drawer' });
    expect(up.body.lot.onHand).toBe(6);
    const back = await client.post(`/api/lots/${lot.id}/movements`, { type: 'returned', locationId: location.id, quantity: 6, reason: 'RMA 778' });
    expect(back.body).toMatchObject({ lot: { onHand: 0, status: 'depleted' } });
    const detail = await client.get(`/api/lots/${lot.id}`);
    expect(detail.body.ledger.map((m: { type: string; delta: number }) => `${m.type}:${m.delta}`)).toEqual([
      'received:10',
      'wasted:-2',
      'adjusted:-3',
      'adjusted:1',
      'returned:-6',
    ]);
    expect(await sumOf(lot.id, location.id)).toBe(0);
    const actions = await app.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [lot.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'lot.created',
      'stock.received',
      'stock.wasted',
      'stock.adjusted',
      'stock.adjusted',
      'stock.returned',
    ]);
  });

  it('refuses bad movements with a 400 naming the field, and writes nothing', async () => {
    const { client, location, lot } = await stocked(3);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: 'wasted', locationId: location.id, quantity: 1 }, 'reason', 'reason must be one of dropped, packaging_damaged, contaminated, expired, other'],
      [{ type: 'wasted', locationId: location.id, quantity: 1, reason: 'bored' }, 'reason', 'reason must be one of dropped, packaging_damaged, contaminated, expired, other'],
      [{ type: 'adjusted', locationId: location.id, quantity: 0, reason: 'x' }, 'quantity', 'quantity must be a non-zero whole number (negative removes stock, positive adds it)'],
      [{ type: 'adjusted', locationId: location.id, quantity: 2 }, 'reason', 'reason is required for an adjustment'],
      [{ type: 'wasted', locationId: location.id, quantity: -1, reason: 'dropped' }, 'quantity', 'quantity must be a whole number of at least 1'],
      [{ type: 'returned', locationId: location.id, quantity: 1.5 }, 'quantity', 'quantity must be a whole number of at least 1'],
      [{ type: 'transferred', locationId: location.id, quantity: 1 }, 'toLocationId', 'toLocationId must be a location id'],
      [{ type: 'used', locationId: location.id, quantity: 1 }, 'type', 'type must be one of wasted, adjusted, transferred, returned'],
      [{ type: 'returned', locationId: 'here', quantity: 1 }, 'locationId', 'locationId must be a location id'],
    ];
    for (const [body, field, message] of cases) {
      const response = await client.post(`/api/lots/${lot.id}/movements`, body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, message });
    }
    const sameLocation = await client.post(`/api/lots/${lot.id}/movements`, { type: 'transferred', locationId: location.id, toLocationId: location.id, quantity: 1 });
    expect(sameLocation.body.errors).toEqual([{ field: 'toLocationId', message: 'must be another location than locationId' }]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM stock_movements WHERE lot_id = $1`, [lot.id]);
    expect(count).toBe(1);
  });

  it('answers 409 when more is withdrawn than is on the shelf at that location', async () => {
    const { client, location, lot, organization } = await stocked(2);
    const tooMany = await client.post(`/api/lots/${lot.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 3, reason: 'dropped' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ type: 'urn:skinledger:problem:insufficient-stock', onHand: 2, requested: 3 });
    const annex = await newLocation(app.dataSource, organization.id);
    const nothingThere = await client.post(`/api/lots/${lot.id}/movements`, { type: 'returned', locationId: annex.id, quantity: 1 });
    expect(nothingThere.status).toBe(409);
    const adjustBelowZero = await client.post(`/api/lots/${lot.id}/movements`, { type: 'adjusted', locationId: location.id, quantity: -3, reason: 'x' });
    expect(adjustBelowZero.status).toBe(409);
  });

  it('transfers with two linked movements and moves on-hand between locations', async () => {
    const { client, location, lot, organization } = await stocked(5);
    const annex = await newLocation(app.dataSource, organization.id, { timezone: 'Europe/London' });
    const moved = await client.post(`/api/lots/${lot.id}/movements`, {
      type: 'transferred',
      locationId: location.id,
      toLocationId: annex.id,
      quantity: 3,
      reason: 'Annex opening week',
    });
    expect(moved.status).toBe(201);
    const [out, into] = moved.body.movements;
    expect(out).toMatchObject({ type: 'transferred', direction: 'out', delta: -3, locationId: location.id, counterpartLocationId: annex.id });
    expect(into).toMatchObject({ type: 'transferred', direction: 'in', delta: 3, locationId: annex.id, counterpartLocationId: location.id });
    expect(out.transferId).toBe(into.transferId);
    expect(moved.body.lot.onHand).toBe(5);
    const balances = Object.fromEntries(moved.body.lot.balances.map((b: { locationId: string; onHand: number }) => [b.locationId, b.onHand]));
    expect(balances).toEqual({ [location.id]: 2, [annex.id]: 3 });
    expect((await client.get(`/api/lots?locationId=${annex.id}`)).body.items[0]).toMatchObject({ id: lot.id, onHand: 3 });
    const tooMany = await client.post(`/api/lots/${lot.id}/movements`, { type: 'transferred', locationId: location.id, toLocationId: annex.id, quantity: 3 });
    expect(tooMany.status).toBe(409);
  });

  it('refuses half a transfer in the database: each half needs its mirror at commit', async () => {
    const { lot, location, organization } = await stocked(5);
    const annex = await newLocation(app.dataSource, organization.id);
    const half = (transferId: string, direction: 'in' | 'out', quantity: number, from: string, to: string) =>
      `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, direction, transfer_id, counterpart_location_id, occurred_on)
       VALUES ('${organization.id}', '${lot.id}', '${from}', 'transferred', ${quantity}, '${direction}', '${transferId}', '${to}', current_date)`;
    const lonely = randomUUID();
    await expect(app.dataSource.query(half(lonely, 'out', 1, location.id, annex.id))).rejects.toThrow(/has no matching in movement/);
    const mismatched = randomUUID();
    await expect(
      app.dataSource.transaction(async (manager) => {
        await manager.query(half(mismatched, 'out', 2, location.id, annex.id));
        await manager.query(half(mismatched, 'in', 1, annex.id, location.id));
      }),
    ).rejects.toThrow(/has no matching/);
    const paired = randomUUID();
    await app.dataSource.transaction(async (manager) => {
      await manager.query(half(paired, 'out', 2, location.id, annex.id));
      await manager.query(half(paired, 'in', 2, annex.id, location.id));
    });
    expect(await sumOf(lot.id, location.id)).toBe(3);
    expect(await sumOf(lot.id, annex.id)).toBe(2);
  });

  it('refuses to transfer or use an expired, recalled or quarantined lot, but lets it be wasted or returned', async () => {
    const expired = await stocked(4, daysFromToday(-1));
    const annex = await newLocation(app.dataSource, expired.organization.id);
    const transferExpired = await expired.client.post(`/api/lots/${expired.lot.id}/movements`, {
      type: 'transferred',
      locationId: expired.location.id,
      toLocationId: annex.id,
      quantity: 1,
    });
    expect(transferExpired.status).toBe(422);
    expect(transferExpired.body.violations.map((v: { code: string }) => v.code)).toEqual(['lot-expired']);
    const ledger = app.app.get(LedgerService);
    const expiredSession = await sessionIn(expired);
    const useExpired = app.dataSource.transaction((manager) =>
      ledger.recordUse(manager, actorOf(expired), {
        lotId: expired.lot.id,
        locationId: expired.location.id,
        treatmentSessionId: expiredSession,
        onDate: daysFromToday(0),
      }),
    );
    await expect(useExpired).rejects.toMatchObject({ status: 422, extensions: { violations: [expect.objectContaining({ code: 'lot-expired' })] } });
    // Used on a date when it had not expired yet (a session recorded late): allowed.
    await app.dataSource.transaction((manager) =>
      ledger.recordUse(manager, actorOf(expired), {
        lotId: expired.lot.id,
        locationId: expired.location.id,
        treatmentSessionId: expiredSession,
        onDate: daysFromToday(-1),
      }),
    );
    expect(
      (await expired.client.post(`/api/lots/${expired.lot.id}/movements`, { type: 'wasted', locationId: expired.location.id, quantity: 1, reason: 'expired' }))
        .status,
    ).toBe(201);
    expect((await expired.client.post(`/api/lots/${expired.lot.id}/movements`, { type: 'returned', locationId: expired.location.id, quantity: 2 })).status).toBe(201);

    for (const hold of ['recall', 'quarantine'] as const) {
      const held = await stocked(4);
      const other = await newLocation(app.dataSource, held.organization.id);
      const body = hold === 'recall' ? { reason: 'Sterility', recallClass: 'II' } : { reason: 'Seal damaged' };
      expect((await held.client.post(`/api/lots/${held.lot.id}/${hold}`, body)).status).toBe(200);
      const code = hold === 'recall' ? 'lot-recalled' : 'lot-quarantined';
      const transfer = await held.client.post(`/api/lots/${held.lot.id}/movements`, { type: 'transferred', locationId: held.location.id, toLocationId: other.id, quantity: 1 });
      expect(transfer.status).toBe(422);
      expect(transfer.body.violations[0].code).toBe(code);
      const heldSession = await sessionIn(held);
      await expect(
        app.dataSource.transaction((manager) =>
          ledger.recordUse(manager, actorOf(held), { lotId: held.lot.id, locationId: held.location.id, treatmentSessionId: heldSession, onDate: daysFromToday(0) }),
        ),
      ).rejects.toMatchObject({ status: 422 });
      const recount = await held.client.post(`/api/lots/${held.lot.id}/movements`, { type: 'adjusted', locationId: held.location.id, quantity: 10, reason: 'found a box' });
      expect(recount.status).toBe(422);
      expect(recount.body.violations[0].code).toBe(code);
      expect((await held.client.post(`/api/lots/${held.lot.id}/movements`, { type: 'wasted', locationId: held.location.id, quantity: 1, reason: 'other' })).status).toBe(201);
      expect((await held.client.post(`/api/lots/${held.lot.id}/movements`, { type: 'returned', locationId: held.location.id, quantity: 3 })).status).toBe(201);
      expect(await sumOf(held.lot.id, held.location.id)).toBe(0);
    }
  });

  it('records use through recordUse inside the caller transaction, linked to the session, and rolls back with it', async () => {
    const org = await stocked(2);
    const ledger = app.app.get(LedgerService);
    const sessionId = await sessionIn(org);
    const movement = await app.dataSource.transaction((manager) =>
      ledger.recordUse(manager, actorOf(org), { lotId: org.lot.id, locationId: org.location.id, treatmentSessionId: sessionId, onDate: daysFromToday(0) }),
    );
    expect(movement).toMatchObject({ type: 'used', quantity: 1, delta: -1, treatmentSessionId: sessionId });
    await expect(
      app.dataSource.transaction(async (manager) => {
        await ledger.recordUse(manager, actorOf(org), { lotId: org.lot.id, locationId: org.location.id, treatmentSessionId: sessionId, onDate: daysFromToday(0), reason: 'replaced mid-session' });
        throw new Error('the session failed to save');
      }),
    ).rejects.toThrow('the session failed to save');
    expect(await sumOf(org.lot.id, org.location.id)).toBe(1);
    const other = await signedInOrganization(app, 'nurse');
    await expect(
      app.dataSource.transaction((manager) =>
        ledger.recordUse(manager, actorOf(other), { lotId: org.lot.id, locationId: org.location.id, treatmentSessionId: sessionId, onDate: daysFromToday(0) }),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('gives exactly 5 successes and 15 clear 409s for 20 concurrent withdrawals of one unit from 5, and the ledger sums to 0', async () => {
    const { client, location, lot } = await stocked(5);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.post(`/api/lots/${lot.id}/movements`, { type: 'wasted', locationId: location.id, quantity: 1, reason: 'contaminated' }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.body).toMatchObject({ type: 'urn:skinledger:problem:insufficient-stock', onHand: 0, requested: 1 });
    }
    expect(await sumOf(lot.id, location.id)).toBe(0);
    const [{ on_hand }] = await app.dataSource.query(`SELECT on_hand FROM stock_balances WHERE lot_id = $1 AND location_id = $2`, [lot.id, location.id]);
    expect(on_hand).toBe(0);
  });

  it('gives exactly 5 successes for 20 concurrent recordUse calls in their own transactions', async () => {
    const org = await stocked(5);
    const ledger = app.app.get(LedgerService);
    const sessions = await Promise.all(Array.from({ length: 20 }, () => sessionIn(org)));
    const results = await Promise.allSettled(
      sessions.map((treatmentSessionId) =>
        app.dataSource.transaction((manager) =>
          ledger.recordUse(manager, actorOf(org), { lotId: org.lot.id, locationId: org.location.id, treatmentSessionId, onDate: daysFromToday(0) }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.reason).toMatchObject({ status: 409, code: 'insufficient-stock' });
    expect(await sumOf(org.lot.id, org.location.id)).toBe(0);
  });

  it('refuses negative stock in the database itself: a raw over-withdrawal fails', async () => {
    const { lot, location, organization } = await stocked(2);
    const insert = (quantity: number) =>
      app.dataSource.query(
        `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, reason, occurred_on)
         VALUES ($1, $2, $3, 'wasted', $4, 'dropped', current_date)`,
        [organization.id, lot.id, location.id, quantity],
      );
    await expect(insert(3)).rejects.toThrow(/stock_balances_not_negative/);
    await insert(2);
    await expect(insert(1)).rejects.toThrow(/stock_balances_not_negative/);
    const annex = await newLocation(app.dataSource, organization.id);
    await expect(
      app.dataSource.query(
        `INSERT INTO stock_movements (organization_id, lot_id, location_id, type, quantity, occurred_on) VALUES ($1, $2, $3, 'returned', 1, current_date)`,
        [organization.id, lot.id, annex.id],
      ),
    ).rejects.toThrow(/stock_balances_not_negative/);
    expect(await sumOf(lot.id, location.id)).toBe(0);
  });

  it('keeps the balances derived from the ledger only: direct writes are refused', async () => {
    const { lot, location } = await stocked(2);
    await expect(app.dataSource.query(`UPDATE stock_balances SET on_hand = 100 WHERE lot_id = $1`, [lot.id])).rejects.toThrow(/derived from stock_movements/);
    await expect(app.dataSource.query(`DELETE FROM stock_balances WHERE lot_id = $1`, [lot.id])).rejects.toThrow(/derived from stock_movements/);
    const [{ on_hand }] = await app.dataSource.query(`SELECT on_hand FROM stock_balances WHERE lot_id = $1 AND location_id = $2`, [lot.id, location.id]);
    expect(on_hand).toBe(2);
  });

  it('keeps the ledger immutable: raw UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { lot } = await stocked(2);
    await expect(app.dataSource.query(`UPDATE stock_movements SET quantity = 50 WHERE lot_id = $1`, [lot.id])).rejects.toThrow(
      /stock_movements is append-only: UPDATE refused/,
    );
    await expect(app.dataSource.query(`DELETE FROM stock_movements WHERE lot_id = $1`, [lot.id])).rejects.toThrow(
      /stock_movements is append-only: DELETE refused/,
    );
    await expect(app.dataSource.query(`TRUNCATE stock_movements CASCADE`)).rejects.toThrow(/append-only/);
    const [{ quantity }] = await app.dataSource.query(`SELECT quantity FROM stock_movements WHERE lot_id = $1`, [lot.id]);
    expect(quantity).toBe(2);
  });

  it('enforces the movement CHECK constraints in the database', async () => {
    const { lot, location, organization } = await stocked(5);
    const raw = (columns: string, values: string) =>
      app.dataSource.query(
        `INSERT INTO stock_movements (organization_id, lot_id, location_id, occurred_on, ${columns}) VALUES ($1, $2, $3, current_date, ${values})`,
        [organization.id, lot.id, location.id],
      );
    await expect(raw('type, quantity', `'received', 0`)).rejects.toThrow(/stock_movements_quantity/);
    await expect(raw('type, quantity', `'returned', -1`)).rejects.toThrow(/stock_movements_quantity/);
    await expect(raw('type, quantity, reason', `'adjusted', 0, 'x'`)).rejects.toThrow(/stock_movements_quantity/);
    await expect(raw('type, quantity', `'adjusted', 1`)).rejects.toThrow(/stock_movements_adjustment_reason/);
    await expect(raw('type, quantity, reason', `'wasted', 1, 'bored'`)).rejects.toThrow(/stock_movements_waste_reason/);
    await expect(raw('type, quantity', `'wasted', 1`)).rejects.toThrow(/stock_movements_waste_reason/);
    await expect(raw('type, quantity', `'used', 1`)).rejects.toThrow(/stock_movements_use_session/);
    await expect(raw('type, quantity', `'transferred', 1`)).rejects.toThrow(/stock_movements_transfer_linked/);
    await expect(raw('type, quantity', `'borrowed', 1`)).rejects.toThrow(/check constraint/);
  });

  it('keeps waste, adjustment, transfer and return from aestheticians and front desk', async () => {
    const { lot, location, organization } = await stocked(5);
    for (const role of ['aesthetician', 'front_desk'] as const) {
      const member = await newStaffMember(app.dataSource, organization.id, { role });
      const denied = await (await signIn(app, member.email)).post(`/api/lots/${lot.id}/movements`, {
        type: 'wasted',
        locationId: location.id,
        quantity: 1,
        reason: 'dropped',
      });
      expect(denied.status).toBe(403);
    }
  });
});
