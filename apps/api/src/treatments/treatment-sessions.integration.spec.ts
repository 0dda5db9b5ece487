import { addDays } from '@skinledger/domain';
import { newLocation, newStaffMember, signIn, TEST_PASSWORD } from '../../test/factories';
import { createProduct, receiveLot } from '../../test/inventory-factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, credential, giveConsents, NEW_YORK_TODAY, screenedPatient, walkIn, type Chair } from '../../test/treatment-factories';

/** Treatment sessions: the preflight guard, the cartridge in the same transaction, signing and the locked record. */
describe('treatment sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  const onHand = async (c: Chair, lotId = c.lot.id) => (await c.owner.get(`/api/lots/${lotId}`)).body.onHand as number;
  const codes = (body: { violations?: { code: string }[]; blockers?: { code: string }[] }) => (body.violations ?? body.blockers ?? []).map((v) => v.code);
  const sessionCount = async (c: Chair) =>
    Number((await app.dataSource.query(`SELECT count(*) FROM treatment_sessions WHERE organization_id = $1`, [c.organization.id]))[0].count);

  describe('preflight', () => {
    it('lists every blocker at once, and starting is refused with all of them and nothing written', async () => {
      const c = await chair(app);
      await app.dataSource.query(`UPDATE practitioner_credentials SET expires_on = $2 WHERE staff_member_id = $1`, [c.nurse.id, addDays(NEW_YORK_TODAY(), -1)]);
      const pregnant = await screenedPatient(c.owner, app.dataSource, c.organization.id, { pregnantOrBreastfeeding: true });
      await c.owner.patch(`/api/devices/${c.device.id}`, { status: 'out_of_service', statusReason: 'Motor noise' });
      await c.owner.post(`/api/lots/${c.lot.id}/recall`, { reason: 'Sterility breach', recallClass: 'II' });

      const body = walkIn(c, { patientId: pregnant.id });
      const preflight = await c.practitioner.post('/api/treatment-sessions/preflight', body);
      expect(preflight.status).toBe(200);
      expect(preflight.body.ok).toBe(false);
      expect(codes(preflight.body)).toEqual(
        expect.arrayContaining(['credential-expired', 'contraindication', 'consent-missing', 'device-out-of-service', 'lot-recalled']),
      );

      const refused = await c.practitioner.post('/api/treatment-sessions', body);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(codes(refused.body)).toEqual(expect.arrayContaining(codes(preflight.body)));
      expect(await sessionCount(c)).toBe(0);
      expect(await onHand(c)).toBe(5);
    });

    // Each blocker on its own, so none hides behind another: what it takes to produce it, and the code it answers.
    const singleBlockers: { code: string; arrange: (c: Chair) => Promise<Record<string, unknown>> }[] = [
      {
        code: 'lot-expired',
        arrange: async (c) => {
          const { lot } = await receiveLot(c.owner, { productId: c.product.id, locationId: c.location.id, expiresOn: addDays(NEW_YORK_TODAY(), -1) });
          return { cartridgeLotId: lot.id };
        },
      },
      {
        code: 'lot-quarantined',
        arrange: async (c) => {
          await c.owner.post(`/api/lots/${c.lot.id}/quarantine`, { reason: 'Seal damaged' });
          return {};
        },
      },
      {
        code: 'lot-out-of-stock',
        arrange: async (c) => {
          await c.owner.post(`/api/lots/${c.lot.id}/movements`, { type: 'returned', locationId: c.location.id, quantity: 5 });
          return {};
        },
      },
      {
        code: 'lot-not-cartridge',
        arrange: async (c) => {
          const serum = await createProduct(c.owner, { kind: 'serum', needleCount: undefined, name: 'HA serum' });
          const { lot } = await receiveLot(c.owner, { productId: serum.id, locationId: c.location.id });
          return { cartridgeLotId: lot.id };
        },
      },
      {
        code: 'device-retired',
        arrange: async (c) => {
          await c.owner.patch(`/api/devices/${c.device.id}`, { status: 'retired', statusReason: 'End of life' });
          return {};
        },
      },
      {
        code: 'device-elsewhere',
        arrange: async (c) => {
          const annex = await newLocation(app.dataSource, c.organization.id);
          await c.owner.patch(`/api/devices/${c.device.id}`, { locationId: annex.id });
          return {};
        },
      },
      {
        code: 'credential-missing',
        arrange: async (c) => {
          await app.dataSource.query(`DELETE FROM practitioner_credentials WHERE staff_member_id = $1`, [c.nurse.id]);
          return {};
        },
      },
      {
        code: 'patient-archived',
        arrange: async (c) => {
          await c.owner.post(`/api/patients/${c.patient.id}/archive`, { reason: 'Moved away' });
          return {};
        },
      },
    ];
    it.each(singleBlockers)('blocks with $code', async ({ code, arrange }) => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const patch = await arrange(c);
      const preflight = await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, patch));
      expect(codes(preflight.body)).toContain(code);
      const refused = await c.practitioner.post('/api/treatment-sessions', walkIn(c, patch));
      expect(refused.status).toBe(422);
      expect(codes(refused.body)).toContain(code);
      expect(await sessionCount(c)).toBe(0);
    });

    it('needs a valid consent for the procedure, and a medical-needling consent for medical depth', async () => {
      const c = await chair(app);
      const cosmetic = await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c));
      expect(preflightSubjects(cosmetic.body, 'consent-missing')).toEqual(['cosmetic_needling']);
      await giveConsents(app, c, ['cosmetic_needling']);
      expect((await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c))).body.ok).toBe(true);

      const medical = await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, { zones: [{ zone: 'cheeks', depthMm: 1.5, passes: 3 }] }));
      expect(medical.body.procedureKind).toBe('medical');
      expect(preflightSubjects(medical.body, 'consent-missing')).toEqual(['medical_needling']);
      const withAnaesthetic = await c.practitioner.post(
        '/api/treatment-sessions/preflight',
        walkIn(c, { anesthetic: { product: 'Lidocaine 4% cream' }, photosPlanned: true }),
      );
      expect(preflightSubjects(withAnaesthetic.body, 'consent-missing').sort()).toEqual(['photography', 'topical_anesthetic']);
    });

    it("refuses depths beyond the practitioner's licence: an aesthetician may not needle at 0.5 mm", async () => {
      const c = await chair(app);
      const aesthetician = await newStaffMember(app.dataSource, c.organization.id, { role: 'aesthetician', defaultLocationId: c.location.id });
      await credential(app.dataSource, c.organization.id, aesthetician.id, 'licensed_aesthetician');
      const client = await signIn(app, aesthetician.email);
      await giveConsents(app, c, ['cosmetic_needling', 'medical_needling']);
      const deep = await client.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'forehead', depthMm: 0.5, passes: 2 }] }));
      expect(deep.status).toBe(422);
      expect(codes(deep.body)).toContain('zone-above-practitioner-max');
      expect((await client.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }] }))).status).toBe(201);
    });

    it('blocks an absolute contraindication and asks a reason for a relative one', async () => {
      const c = await chair(app);
      const keloid = await screenedPatient(c.owner, app.dataSource, c.organization.id, { keloidHistory: true });
      await giveConsents(app, { ...c, patient: keloid }, ['cosmetic_needling']);
      const unacknowledged = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { patientId: keloid.id }));
      expect(unacknowledged.status).toBe(422);
      expect(unacknowledged.body.violations).toContainEqual(expect.objectContaining({ code: 'acknowledgement-required', subject: 'keloid_history' }));
      const acknowledged = await c.practitioner.post(
        '/api/treatment-sessions',
        walkIn(c, { patientId: keloid.id, acknowledgements: [{ code: 'keloid_history', reason: 'Keloid on the back only; face never affected' }] }),
      );
      expect(acknowledged.status).toBe(201);
      expect(acknowledged.body.session.acknowledgements).toEqual([{ code: 'keloid_history', reason: 'Keloid on the back only; face never affected' }]);
    });
  });

  describe('depth per zone', () => {
    it('needs an override reason above the zone maximum, warns above 1.5 mm and refuses above 2.5 mm', async () => {
      const c = await chair(app, { lotQuantity: 10 });
      await giveConsents(app, c, ['cosmetic_needling', 'medical_needling']);
      const start = (zones: unknown[]) => c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, { zones }));

      expect(codes((await start([{ zone: 'forehead', depthMm: 1, passes: 2 }])).body)).toEqual(['zone-above-zone-max']);
      const overridden = await start([{ zone: 'forehead', depthMm: 1, passes: 2, overrideReason: 'Thick skin, tolerated 0.75 mm last time' }]);
      expect(overridden.body.ok).toBe(true);
      expect(overridden.body.warnings.map((w: { code: string }) => w.code)).toEqual(['zone-zone-max-overridden']);
      const deep = await start([{ zone: 'cheeks', depthMm: 1.75, passes: 2 }]);
      expect(deep.body.ok).toBe(true);
      expect(deep.body.warnings.map((w: { code: string }) => w.code)).toEqual(['zone-beyond-evaluated-depth']);
      expect(codes((await start([{ zone: 'stretch_marks', depthMm: 2.75, passes: 1, overrideReason: 'x' }])).body)).toContain('zone-above-device-max');
      expect(codes((await start([{ zone: 'cheeks', depthMm: 0.3, passes: 1 }])).body)).toContain('zone-off-device-step');
    });

    it('uses the zone maximums the organization lowered, and never lets them be raised', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling', 'medical_needling']);
      const raised = await c.owner.put('/api/settings/treatment', { zoneMaxMm: { glabella: 1 } });
      expect(raised.status).toBe(400);
      expect(raised.body.errors).toEqual([expect.objectContaining({ field: 'zoneMaxMm.glabella' })]);
      expect((await c.practitioner.put('/api/settings/treatment', { zoneMaxMm: { cheeks: 1 } })).status).toBe(403);
      const lowered = await c.owner.put('/api/settings/treatment', { zoneMaxMm: { cheeks: 1 } });
      expect(lowered.status).toBe(200);
      expect(lowered.body.zones).toContainEqual(expect.objectContaining({ zone: 'cheeks', defaultMaxMm: 2, maxMm: 1 }));
      const preflight = await c.practitioner.post('/api/treatment-sessions/preflight', walkIn(c, { zones: [{ zone: 'cheeks', depthMm: 1.25, passes: 2 }] }));
      expect(codes(preflight.body)).toEqual(['zone-above-zone-max']);
    });

    it('refuses a zone listed twice and a walk-in without its reason', async () => {
      const c = await chair(app);
      const twice = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'nose', depthMm: 0.25, passes: 1 }, { zone: 'nose', depthMm: 0.5, passes: 1 }] }));
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([{ field: 'zones.1.zone', message: 'nose is listed twice' }]);
      const noReason = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { walkInReason: undefined }));
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('walkInReason');
      const badDepth = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { zones: [{ zone: 'nose', depthMm: 'deep', passes: 1 }] }));
      expect(badDepth.status).toBe(400);
      expect(await sessionCount(c)).toBe(0);
    });
  });

  describe('the record', () => {
    it('starts with one cartridge taken from the shelf in the same transaction', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { postCareGiven: true, technique: 'Cross-hatched passes' }));
      expect(started.status).toBe(201);
      const session = started.body.session;
      expect(session).toMatchObject({ procedureKind: 'cosmetic', maxDepthMm: 0.25, status: 'in_progress', performedOn: NEW_YORK_TODAY() });
      expect(session.cartridges).toEqual([expect.objectContaining({ lotId: c.lot.id, quantity: 1, reason: null })]);
      expect(session.postCareInstructions).toContain('sunscreen');
      expect(await onHand(c)).toBe(4);
    });

    it('gives one cartridge of the last unit to exactly one of five concurrent starts, and leaves no session without its cartridge', async () => {
      const c = await chair(app, { lotQuantity: 1 });
      const patients = await Promise.all(Array.from({ length: 5 }, () => screenedPatient(c.owner, app.dataSource, c.organization.id)));
      for (const p of patients) await giveConsents(app, { ...c, patient: p }, ['cosmetic_needling']);
      const results = await Promise.all(patients.map((p) => c.practitioner.post('/api/treatment-sessions', walkIn(c, { patientId: p.id }))));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((r) => r.status !== 201)) expect([409, 422]).toContain(r.status);
      expect(await sessionCount(c)).toBe(1);
      expect(await onHand(c)).toBe(0);
    });

    it('refuses a second medical session inside the minimum interval', async () => {
      const c = await chair(app, { lotQuantity: 5 });
      await giveConsents(app, c, ['medical_needling']);
      const medical = walkIn(c, { zones: [{ zone: 'cheeks', depthMm: 1, passes: 2 }] });
      expect((await c.practitioner.post('/api/treatment-sessions', medical)).status).toBe(201);
      const again = await c.practitioner.post('/api/treatment-sessions', medical);
      expect(again.status).toBe(422);
      expect(codes(again.body)).toEqual(['medical-interval']);
      expect(again.body.violations[0]).toMatchObject({ subject: NEW_YORK_TODAY(), message: expect.stringContaining('at least 28 days between sessions') });
    });

    it('records a second cartridge with its reason', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const { lot: second } = await receiveLot(c.owner, { productId: c.product.id, locationId: c.location.id, quantity: 2 });
      const id = (await c.practitioner.post('/api/treatment-sessions', walkIn(c))).body.session.id;
      expect((await c.practitioner.post(`/api/treatment-sessions/${id}/cartridges`, { cartridgeLotId: second.id })).status).toBe(400);
      const added = await c.practitioner.post(`/api/treatment-sessions/${id}/cartridges`, { cartridgeLotId: second.id, reason: 'Cartridge jammed' });
      expect(added.status).toBe(201);
      expect(added.body.cartridges.map((x: { lotId: string; reason: string | null }) => [x.lotId, x.reason])).toEqual([
        [c.lot.id, null],
        [second.id, 'Cartridge jammed'],
      ]);
      expect(await onHand(c, second.id)).toBe(1);
    });

    it('is signed by the treating practitioner with their password, then locked in the database; corrections are addenda', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const id = (await c.practitioner.post('/api/treatment-sessions', walkIn(c, { zones: [] }))).body.session.id;
      expect(codes((await c.practitioner.post(`/api/treatment-sessions/${id}/sign`, { password: TEST_PASSWORD })).body)).toEqual(['zones-missing']);
      const charted = await c.practitioner.patch(`/api/treatment-sessions/${id}`, {
        zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }, { zone: 'nose', depthMm: 0.25, passes: 1 }],
        erythemaGrade: 1,
        clinicalEndpoint: 'Mild erythema',
      });
      expect(charted.status).toBe(200);
      expect(charted.body.session.zones.map((z: { zone: string }) => z.zone)).toEqual(['forehead', 'nose']);

      expect((await c.owner.post(`/api/treatment-sessions/${id}/sign`, { password: TEST_PASSWORD })).status).toBe(403);
      const wrong = await c.practitioner.post(`/api/treatment-sessions/${id}/sign`, { password: 'not my password' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'password', message: `is not the password of ${c.nurse.name}` }]);
      const signed = await c.practitioner.post(`/api/treatment-sessions/${id}/sign`, { password: TEST_PASSWORD });
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({ status: 'signed', signedBy: c.nurse.id });

      expect((await c.practitioner.patch(`/api/treatment-sessions/${id}`, { notes: 'changed' })).status).toBe(409);
      await expect(app.dataSource.query(`UPDATE treatment_sessions SET notes = 'tampered' WHERE id = $1`, [id])).rejects.toThrow(/signed/);
      await expect(app.dataSource.query(`DELETE FROM treatment_sessions WHERE id = $1`, [id])).rejects.toThrow(/never deleted/);
      await expect(app.dataSource.query(`UPDATE treatment_session_zones SET depth_mm = 2 WHERE session_id = $1`, [id])).rejects.toThrow(/signed/);
      await expect(app.dataSource.query(`DELETE FROM treatment_session_zones WHERE session_id = $1`, [id])).rejects.toThrow(/signed/);

      await c.practitioner.post(`/api/treatment-sessions/${id}/addenda`, { text: 'Correction: nose had 2 passes.' });
      const withAddenda = await c.owner.post(`/api/treatment-sessions/${id}/addenda`, { text: 'Patient called: redness gone on day 2.\nNo concerns.' });
      expect(withAddenda.status).toBe(201);
      expect(withAddenda.body.addenda.map((a: { text: string }) => a.text)).toEqual(['Correction: nose had 2 passes.', 'Patient called: redness gone on day 2.\nNo concerns.']);
      await expect(app.dataSource.query(`UPDATE treatment_session_addenda SET text = 'x' WHERE session_id = $1`, [id])).rejects.toThrow(/append-only/);
      const audit = await c.owner.get(`/api/audit-events?entityType=treatment_session&entityId=${id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['treatment_session.started', 'treatment_session.charted', 'treatment_session.signed', 'treatment_session.addendum_added']),
      );
    });

    it('is read by clinicians and not by the front desk', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const id = (await c.practitioner.post('/api/treatment-sessions', walkIn(c))).body.session.id;
      const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk' })).email);
      expect((await frontDesk.get(`/api/treatment-sessions/${id}`)).status).toBe(403);
      expect((await frontDesk.post('/api/treatment-sessions', walkIn(c))).status).toBe(403);
      const list = await c.owner.get(`/api/patients/${c.patient.id}/treatment-sessions`);
      expect(list.body).toMatchObject({ items: [expect.objectContaining({ id, patientName: `${c.patient.firstName} ${c.patient.lastName}` })], hasMore: false, nextCursor: null });
      const timeline = await c.owner.get(`/api/patients/${c.patient.id}/timeline`);
      expect(JSON.stringify(timeline.body)).toContain('Cosmetic needling session, up to 0.25 mm');
    });
  });
});

function preflightSubjects(body: { blockers: { code: string; subject?: string }[] }, code: string): (string | undefined)[] {
  return body.blockers.filter((b) => b.code === code).map((b) => b.subject);
}
