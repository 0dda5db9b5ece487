import { addDays, emptyMedicalHistory } from '@skinledger/domain';
import type { ApiClient } from '../../test/api-client';
import { signedConsent } from '../../test/consent-factories';
import { newPatient, newStaffMember, signedInOrganization, signIn, TEST_PASSWORD } from '../../test/factories';
import { receiveLot } from '../../test/inventory-factories';
import { pdfaIdentification, readPdf as readWithPoppler, withoutBidiControls } from '../../test/pdf-tools';
import { createTestApp, type TestApp } from '../../test/test-app';
import { chair, giveConsents, NEW_YORK_TODAY, screenedPatient, walkIn, type Chair } from '../../test/treatment-factories';

/** pdftotext -layout and pdffonts (poppler-utils) read the PDF as a person's viewer would: the text, and which fonts it carries. */
function readPdf(pdf: Buffer): { text: string; fonts: string } {
  const reading = readWithPoppler(pdf);
  return { text: reading.layoutText, fonts: reading.fontsTable };
}

async function pdfOf(client: ApiClient, baseUrl: string, sessionId: string): Promise<Response> {
  return fetch(`${baseUrl}/api/treatment-sessions/${sessionId}/pdf`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
}

/**
 * "Start from last session" and the printable session record (issue 13): the previous signed session of the same
 * indication as a chart to start from, with inventory's FEFO lot; and the record as a PDF with embedded Unicode fonts.
 */
describe('session record: start from last session, and the PDF', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  /** Starts a walk-in session of the indication and signs it; answers its id. */
  async function signedSession(c: Chair, patch: Record<string, unknown>): Promise<string> {
    const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c, patch));
    if (started.status !== 201) throw new Error(`start: ${started.status} ${started.text}`);
    const id = started.body.session.id as string;
    const signed = await c.practitioner.post(`/api/treatment-sessions/${id}/sign`, { password: TEST_PASSWORD });
    if (signed.status !== 200) throw new Error(`sign: ${signed.status} ${signed.text}`);
    return id;
  }
  const repeat = (c: Chair, indication: string, patientId = c.patient.id) =>
    c.practitioner.get(`/api/patients/${patientId}/repeat-session?indication=${indication}&locationId=${c.location.id}`);

  describe('start from last session', () => {
    it('answers the previous signed session of the indication: zones, depths, passes, the pen, and the FEFO lot of its cartridge', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      expect((await repeat(c, 'fine_lines')).body).toEqual({ indication: 'fine_lines', indicationLabel: 'Fine lines and wrinkles', previous: null });

      const zones = [
        { zone: 'forehead', depthMm: 0.25, passes: 2 },
        { zone: 'perioral', depthMm: 0.25, passes: 3 },
      ];
      const fineLines = await signedSession(c, { indication: 'fine_lines', zones });
      // A later unsigned session of the same indication, and one of another indication, are not what is repeated.
      const unsigned = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { indication: 'fine_lines', zones: [{ zone: 'nose', depthMm: 0.25, passes: 1 }] }));
      expect(unsigned.status).toBe(201);
      const other = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { indication: 'pigmentation', zones: [{ zone: 'cheeks', depthMm: 0.25, passes: 1 }] }));
      expect(other.status).toBe(201);
      // Since then a lot of the same cartridge arrived that expires sooner: that one is suggested (FEFO), not the old lot.
      const { lot: sooner } = await receiveLot(c.owner, { productId: c.product.id, locationId: c.location.id, expiresOn: addDays(NEW_YORK_TODAY(), 30), quantity: 3 });

      const answer = await repeat(c, 'fine_lines');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        indication: 'fine_lines',
        indicationLabel: 'Fine lines and wrinkles',
        previous: {
          sessionId: fineLines,
          performedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          practitionerName: c.nurse.name,
          zones: [
            { zone: 'forehead', label: 'Forehead', depthMm: 0.25, passes: 2 },
            { zone: 'perioral', label: 'Perioral / upper lip', depthMm: 0.25, passes: 3 },
          ],
          deviceId: c.device.id,
          deviceLabel: `SkinPen Precision · ${c.device.serialNumber}`,
          cartridgeProductId: c.product.id,
          cartridgeProductName: expect.any(String),
          lot: { id: sooner.id, lotNumber: sooner.lotNumber, expiresOn: addDays(NEW_YORK_TODAY(), 30), onHand: 3 },
          notes: [],
        },
      });
      expect((await repeat(c, 'pigmentation')).body.previous).toBeNull();

      // Reading the previous session is a clinical read.
      const [event] = await app.dataSource.query(
        `SELECT entity_type, entity_id, changes FROM audit_events WHERE action = 'treatment_session.repeat_read' AND organization_id = $1 ORDER BY id DESC LIMIT 1`,
        [c.organization.id],
      );
      expect(event).toMatchObject({ entity_type: 'patient', entity_id: c.patient.id });
    });

    it('says what it could not copy: a pen out of service, a cartridge with no usable lot here', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      await signedSession(c, { indication: 'texture_pores' });
      await c.owner.patch(`/api/devices/${c.device.id}`, { status: 'out_of_service', statusReason: 'Motor noise' });
      await c.owner.post(`/api/lots/${c.lot.id}/quarantine`, { reason: 'Seal damaged' });
      const answer = await repeat(c, 'texture_pores');
      expect(answer.body.previous).toMatchObject({ deviceId: null, lot: null, zones: [{ zone: 'forehead', depthMm: 0.25, passes: 2 }] });
      expect(answer.body.previous.notes).toEqual([expect.stringMatching(/pen used then .* is out of service/), expect.stringMatching(/No usable lot of .* is on hand here/)]);
    });

    it('refuses a bad indication or location (400), front desk (403), and another organization’s patient (404)', async () => {
      const c = await chair(app);
      expect((await c.practitioner.get(`/api/patients/${c.patient.id}/repeat-session?indication=elbows&locationId=${c.location.id}`)).status).toBe(400);
      expect((await c.practitioner.get(`/api/patients/${c.patient.id}/repeat-session?indication=acne_scars`)).status).toBe(400);
      const elsewhere = await signedInOrganization(app, 'owner');
      expect((await c.practitioner.get(`/api/patients/${c.patient.id}/repeat-session?indication=acne_scars&locationId=${elsewhere.location.id}`)).status).toBe(400);
      const desk = await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk', defaultLocationId: c.location.id });
      expect((await (await signIn(app, desk.email)).get(`/api/patients/${c.patient.id}/repeat-session?indication=acne_scars&locationId=${c.location.id}`)).status).toBe(403);
      const other = await repeat(c, 'acne_scars', (await screenedPatient(elsewhere.client, app.dataSource, elsewhere.organization.id)).id);
      expect(other.status).toBe(404);
    });
  });

  describe('the PDF', () => {
    it('prints names outside Latin-1, zones, depths, lot, pen, anaesthetic, the signature with the sealed hash, and addenda; fonts embedded; audited', async () => {
      const c = await chair(app);
      const patient = await newPatient(app.dataSource, c.organization.id, { firstName: 'Zofia', lastName: 'Łukasiewicz-Щербакова' });
      await c.owner.put(`/api/patients/${patient.id}/medical-history`, emptyMedicalHistory());
      await giveConsents(app, { owner: c.owner, patient }, ['cosmetic_needling', 'medical_needling', 'topical_anesthetic']);
      const appliedAt = new Date(Date.now() - 40 * 60_000).toISOString();
      const removedAt = new Date(Date.now() - 5 * 60_000).toISOString();
      const id = await signedSession(c, {
        patientId: patient.id,
        indication: 'acne_scars',
        zones: [
          { zone: 'forehead', depthMm: 0.5, passes: 2 },
          { zone: 'cheeks', depthMm: 1.5, passes: 3 },
        ],
        anesthetic: { product: 'Lidocaine cream', strength: '4%', lotNumber: 'LC2291', area: 'Full face', appliedAt, removedAt },
        technique: 'Vertical, horizontal and diagonal passes',
      });
      await c.practitioner.post(`/api/treatment-sessions/${id}/addenda`, { text: 'Correction: the patient reported stinging on the left cheek (Żółć test).' });

      const response = await pdfOf(c.practitioner, app.baseUrl, id);
      if (response.status !== 200) throw new Error(await response.text());
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="session-SL-\d+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf"$/);
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, fonts } = readPdf(pdf);

      expect(text).toContain('Treatment session record');
      expect(text).toContain('Zofia Łukasiewicz-Щербакова');
      expect(text).toContain('Acne scars');
      expect(text).toMatch(/Forehead\s+0\.5 mm\s+2/);
      expect(text).toMatch(/Cheeks\s+1\.5 mm\s+3/);
      expect(text).toContain(c.lot.lotNumber);
      expect(text).toContain(`serial ${c.device.serialNumber}`);
      expect(text).toContain('Lidocaine cream 4%');
      expect(text).toContain('LC2291');
      expect(text).toContain('35 min');
      expect(text).toContain(`${c.nurse.name}, treating practitioner`);
      expect(text).toContain('Correction: the patient reported stinging on the left cheek (Żółć test).');
      const [signed] = await app.dataSource.query(
        `SELECT changes->'sessionHash'->>'to' AS hash FROM audit_events WHERE action = 'treatment_session.signed' AND entity_id = $1`,
        [id],
      );
      expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(text.replace(/\s+/g, '')).toContain(signed.hash);
      // The session view reads the same sealed hash (the dashboard's print view shows it).
      expect((await c.practitioner.get(`/api/treatment-sessions/${id}`)).body.recordHash).toBe(signed.hash);
      expect(text).not.toContain('NOT SIGNED');

      // Every font the PDF uses is embedded (a subset of DejaVu), none of the Latin-1-only base fonts.
      const fontRows = fonts.split('\n').slice(2).filter((line) => line.trim());
      expect(fontRows.length).toBeGreaterThanOrEqual(2);
      expect(fontRows.every((row) => /\+DejaVuSans/.test(row))).toBe(true);
      // Columns: name, type, encoding, emb, sub, uni, object, ID.
      expect(fontRows.every((row) => / yes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(row))).toBe(true);
      expect(fonts).not.toMatch(/Helvetica|Times|Courier/);

      const [event] = await app.dataSource.query(
        `SELECT entity_type, entity_id, changes FROM audit_events WHERE action = 'treatment_session.pdf_downloaded' AND organization_id = $1`,
        [c.organization.id],
      );
      expect(event).toMatchObject({ entity_type: 'patient', entity_id: patient.id, changes: { sessionId: { to: id }, signed: { to: true } } });
    });

    it('is PDF/A-2b, tagged, PDF 1.7, every font embedded, and reads back every name as typed, in every script', async () => {
      const c = await chair(app, { lotQuantity: 20 });
      const names: [string, string][] = [
        ['Zoë', 'Dvořák'],
        ['Ánh Tuyết', 'Nguyễn Thị'],
        ['Αλέξανδρος', 'Παπαδόπουλος'],
        ['Анна', 'Щербакова'],
        ['محمد', 'العلي'],
        ['דוד', 'כהן'],
        ['王', '小明'],
        ['さくら', '佐藤'],
        ['민준', '김'],
        ['Łukasz', 'Nguyễn 王小明'],
      ];
      for (const [firstName, lastName] of names) {
        const name = `${firstName} ${lastName}`;
        const created = await c.owner.post('/api/patients', { firstName, lastName, dateOfBirth: '1987-01-02', fitzpatrickType: 2, confirmDuplicate: true });
        expect(created.status).toBe(201);
        const patient = created.body as { id: string };
        await c.owner.put(`/api/patients/${patient.id}/medical-history`, emptyMedicalHistory());
        await signedConsent(c.owner, patient.id, 'cosmetic_needling');
        const id = await signedSession(c, { patientId: patient.id, indication: 'fine_lines' });
        const addendum = `Spoke with ${name}, follow-up booked.`;
        expect((await c.practitioner.post(`/api/treatment-sessions/${id}/addenda`, { text: addendum })).status).toBe(201);

        const reading = readWithPoppler(Buffer.from(await (await pdfOf(c.practitioner, app.baseUrl, id)).arrayBuffer()));
        const lines = withoutBidiControls(reading.text)
          .split('\n')
          .map((line) => line.replace(/\s+/g, ' ').trim());
        expect(reading.fonts.filter((f) => !f.embedded || !f.toUnicode)).toEqual([]);
        expect(pdfaIdentification(reading.xmp)).toEqual({ part: '2', conformance: 'B' });
        expect(reading.info['PDF version']).toBe('1.7');
        expect(reading.info.Tagged).toBe('yes');
        expect(reading.qpdfCheck).toEqual({ status: 0, output: expect.stringContaining('No syntax or stream encoding errors found') });
        // The patient fact, the addendum as written, the title and the footer of every page, exactly as typed.
        expect({ name, patient: lines.includes(name) }).toEqual({ name, patient: true });
        expect({ name, addendum: lines.includes(addendum) }).toEqual({ name, addendum: true });
        expect(reading.info.Title).toBe(`Treatment session record: ${name}, ${NEW_YORK_TODAY()}`);
        expect(lines.filter((line) => line.includes(`| ${name}, printed `)).length).toBe(Number(reading.info.Pages));
      }
    }, 120_000);

    it('marks a session still in progress as not signed', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c, { indication: 'fine_lines' }));
      const { text } = readPdf(Buffer.from(await (await pdfOf(c.practitioner, app.baseUrl, started.body.session.id)).arrayBuffer()));
      expect(text).toContain('NOT SIGNED');
      expect(text).toContain('Not signed yet.');
    });

    it('is for those who read clinical records, in their own organization', async () => {
      const c = await chair(app);
      await giveConsents(app, c, ['cosmetic_needling']);
      const started = await c.practitioner.post('/api/treatment-sessions', walkIn(c));
      const desk = await newStaffMember(app.dataSource, c.organization.id, { role: 'front_desk', defaultLocationId: c.location.id });
      expect((await pdfOf(await signIn(app, desk.email), app.baseUrl, started.body.session.id)).status).toBe(403);
      const elsewhere = await signedInOrganization(app, 'owner');
      const foreign = await pdfOf(elsewhere.client, app.baseUrl, started.body.session.id);
      expect(foreign.status).toBe(404);
      expect(((await foreign.json()) as { type: string }).type).toBe('urn:skinledger:problem:not-found');
    });
  });
});
