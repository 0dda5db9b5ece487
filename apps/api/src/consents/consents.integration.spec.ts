import { ConsentStatusService } from './consent-status.service';
import { contentHashOf, recordHashOf } from './consent-hash';
import { ConsentRecord } from './consent.entities';
import { newPatient, newStaffMember, signedInOrganization, signIn, TEST_PASSWORD } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { consentPractitioner, prepareConsent, signaturePng, signatureSvg, signBody, signedConsent, templateOfKind } from '../../test/consent-factories';

type Org = Awaited<ReturnType<typeof signedInOrganization>>;

function expectProblem(response: { status: number; headers: Headers }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
}

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('consents', () => {
  let app: TestApp;
  let owner: Org;
  let patientId: string;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  describe('default templates', () => {
    it('setup seeds the four default templates in the same transaction, flagged for review', async () => {
      const setup = await app.client().post('/api/setup', {
        organizationName: 'Harbour Skin',
        locationName: 'Harbour Street',
        timezone: 'Europe/London',
        adminName: 'Olive Owner',
        adminEmail: 'olive@harbour.example',
        adminPassword: TEST_PASSWORD,
      });
      expect(setup.status).toBe(201);
      const rows: { kind: string; current_version: number; approved_version: number | null }[] = await app.dataSource.query(
        `SELECT kind, current_version, approved_version FROM consent_templates WHERE organization_id = $1 ORDER BY kind`,
        [setup.body.organizationId],
      );
      expect(rows.map((r) => r.kind)).toEqual(['cosmetic_needling', 'medical_needling', 'photography', 'topical_anesthetic']);
      expect(rows.every((r) => r.current_version === 1 && r.approved_version === null)).toBe(true);
      const client = await signIn(app, 'olive@harbour.example');
      expect((await client.get('/api/consent-templates')).body).toHaveLength(4);
    });

    it('an organization that existed before gets them on first use, exactly once even when asked concurrently', async () => {
      owner = await signedInOrganization(app, 'owner');
      patientId = (await newPatient(app.dataSource, owner.organization.id, { firstName: 'Jordan', lastName: 'Sample', dateOfBirth: '1988-04-12' })).id;
      const [a, b] = await Promise.all([owner.client.get('/api/consent-templates'), owner.client.get('/api/consent-templates')]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(a.body).toHaveLength(4);
      expect(b.body).toHaveLength(4);
      for (const t of a.body) {
        expect(t).toMatchObject({ isDefault: true, needsReview: true, currentVersion: 1, approvedVersion: null });
        expect(t.current.body).toContain('{{patientName}}');
      }
    });
  });

  describe('templates', () => {
    const custom = {
      kind: 'custom',
      title: 'Consent to LED light therapy',
      body: '# LED light therapy\nFor {{patientName}} ({{dateOfBirth}}): {{procedure}} with {{practitioner}}.',
      acknowledgements: [
        { text: 'I understand the risks.', required: true },
        { text: 'Send me reminders.', required: false },
      ],
      validDays: 30,
    };

    it('creates a custom template awaiting review, publishes versions and keeps the old ones', async () => {
      const created = await owner.client.post('/api/consent-templates', custom);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'custom', currentVersion: 1, needsReview: true, isDefault: false });
      expect(created.body.current.acknowledgements).toEqual([
        { key: 'a1', text: 'I understand the risks.', required: true },
        { key: 'a2', text: 'Send me reminders.', required: false },
      ]);
      const fields = { title: custom.title, body: custom.body, acknowledgements: custom.acknowledgements, validDays: custom.validDays };
      const v2 = await owner.client.post(`/api/consent-templates/${created.body.id}/versions`, {
        ...fields,
        body: `${custom.body}\n\nUpdated.`,
        requiresReconsent: false,
        changeNote: 'Wording',
      });
      expect(v2.status).toBe(201);
      expect(v2.body.currentVersion).toBe(2);
      expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(v2.body.versions[1].body).toBe(custom.body);
      const detail = await owner.client.get(`/api/consent-templates/${created.body.id}`);
      expect(detail.body.versions).toHaveLength(2);
    });

    it('approval is of the current version: a stale one is refused, and a new version asks for review again', async () => {
      const template = await templateOfKind(owner.client, 'photography');
      expectProblem(await owner.client.post(`/api/consent-templates/${template.id}/approve`, { version: 2 }), 409);
      const approved = await owner.client.post(`/api/consent-templates/${template.id}/approve`, { version: 1 });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ needsReview: false, approvedVersion: 1, approvedByName: owner.staffMember.name });
      expectProblem(await owner.client.post(`/api/consent-templates/${template.id}/approve`, { version: 1 }), 409);
      const full = (await owner.client.get(`/api/consent-templates/${template.id}`)).body;
      const v2 = await owner.client.post(`/api/consent-templates/${template.id}/versions`, {
        title: full.current.title,
        body: full.current.body,
        acknowledgements: full.current.acknowledgements.map((a: { text: string; required: boolean }) => ({ text: a.text, required: a.required })),
        validDays: 365,
        requiresReconsent: false,
      });
      expect(v2.body).toMatchObject({ currentVersion: 2, approvedVersion: 1, needsReview: true });
    });

    it('refuses bad input with problem documents naming the field or rule', async () => {
      const unknownPlaceholder = await owner.client.post('/api/consent-templates', { ...custom, body: 'Hello {{patientname}}' });
      expectProblem(unknownPlaceholder, 422);
      expect(unknownPlaceholder.body.violations[0]).toMatchObject({ code: 'unknown-placeholder', placeholder: 'patientname' });
      const noRequired = await owner.client.post('/api/consent-templates', { ...custom, acknowledgements: [{ text: 'x', required: false }] });
      expectProblem(noRequired, 422);
      const badDays = await owner.client.post('/api/consent-templates', { ...custom, validDays: 0 });
      expectProblem(badDays, 400);
      expect(badDays.body.errors.map((e: { field: string }) => e.field)).toContain('validDays');
      const badKind = await owner.client.post('/api/consent-templates', { ...custom, kind: 'tattoo' });
      expect(badKind.body.errors.map((e: { field: string }) => e.field)).toContain('kind');
      const noAcks = await owner.client.post('/api/consent-templates', { ...custom, acknowledgements: [] });
      expect(noAcks.body.errors.map((e: { field: string }) => e.field)).toContain('acknowledgements');
      expectProblem(await owner.client.get('/api/consent-templates/not-a-uuid'), 400);
      expectProblem(await owner.client.get('/api/consent-templates/00000000-0000-4000-8000-000000000000'), 404);
    });

    it('only owners and admins manage templates; everyone preparing consents can read them', async () => {
      const nurse = await signIn(app, (await newStaffMember(app.dataSource, owner.organization.id, { role: 'nurse' })).email);
      expect((await nurse.get('/api/consent-templates')).status).toBe(200);
      expectProblem(await nurse.post('/api/consent-templates', custom), 403);
      const template = await templateOfKind(owner.client, 'cosmetic_needling');
      expectProblem(await nurse.post(`/api/consent-templates/${template.id}/approve`, { version: 1 }), 403);
    });

    it('published versions cannot be changed or deleted in the database', async () => {
      await expect(app.dataSource.query(`UPDATE consent_template_versions SET body = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(app.dataSource.query(`DELETE FROM consent_template_versions`)).rejects.toThrow(/append-only/);
    });
  });

  describe('preparing and signing', () => {
    it('renders the current version with the patient, procedure, depth and practitioner into a frozen snapshot', async () => {
      const consent = await prepareConsent(owner.client, patientId, 'medical_needling', { procedure: 'Acne scar needling, cheeks', depthMinMm: 0.5, depthMaxMm: 1.5 });
      expect(consent.status).toBe('pending');
      expect(consent.body).toContain('**Patient:** Jordan Sample, born 1988-04-12');
      expect(consent.body).toContain('Acne scar needling, cheeks');
      expect(consent.body).toContain('0.5–1.5 mm');
      // The practitioner named is the treating one (a physician of the clinic), not the owner who prepared it.
      const practitionerId = await consentPractitioner(owner.client);
      const practitioner = (await owner.client.get('/api/staff')).body.find((s: { id: string }) => s.id === practitionerId);
      expect(consent).toMatchObject({ practitionerId, practitionerName: practitioner.name, createdByName: owner.staffMember.name, appointment: null });
      expect(consent.body).toContain(`**Practitioner:** ${practitioner.name}`);
      expect(consent.body).not.toContain(owner.staffMember.name);
      expect(consent.body).not.toContain('{{');
      const defaults = await prepareConsent(owner.client, patientId, 'cosmetic_needling');
      expect(defaults.body).toContain('as assessed by your practitioner');
    });

    it('refuses an unknown template, practitioner or depth order, and another patient id', async () => {
      const template = await templateOfKind(owner.client, 'medical_needling');
      const badTemplate = await owner.client.post(`/api/patients/${patientId}/consents`, { templateId: '00000000-0000-4000-8000-000000000000' });
      expectProblem(badTemplate, 400);
      expect(badTemplate.body.errors[0].field).toBe('templateId');
      const badPractitioner = await owner.client.post(`/api/patients/${patientId}/consents`, { templateId: template.id, practitionerId: '00000000-0000-4000-8000-000000000000' });
      expectProblem(badPractitioner, 422);
      expect(badPractitioner.body.violations[0]).toMatchObject({ code: 'not-a-practitioner', field: 'practitionerId' });
      const badDepth = await owner.client.post(`/api/patients/${patientId}/consents`, { templateId: template.id, depthMinMm: 1.5, depthMaxMm: 0.5 });
      expect(badDepth.body.errors[0].field).toBe('depthMaxMm');
      expectProblem(await owner.client.post(`/api/patients/00000000-0000-4000-8000-000000000000/consents`, { templateId: template.id }), 404);
      const archived = await newPatient(app.dataSource, owner.organization.id, { archivedAt: new Date(), archivedBy: owner.staffMember.id });
      const refused = await owner.client.post(`/api/patients/${archived.id}/consents`, { templateId: template.id });
      expectProblem(refused, 409);
      expect(refused.body.type).toContain('patient-archived');
    });

    it('every required acknowledgement must be ticked: 422 naming the unticked ones', async () => {
      const consent = await prepareConsent(owner.client, patientId);
      const response = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { acknowledgements: ['a1', 'a3'] }));
      expectProblem(response, 422);
      expect(response.body.violations.map((v: { key: string }) => v.key)).toEqual(['a2', 'a4', 'a5']);
      const unknown = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { acknowledgements: ['a1', 'a2', 'a3', 'a4', 'a5', 'zz'] }));
      expectProblem(unknown, 400);
      expect(unknown.body.errors[0].field).toBe('acknowledgements');
      expect((await owner.client.get(`/api/consents/${consent.id}`)).body.status).toBe('pending');
    });

    it('the signature must really be a PNG or SVG image of bounded size, and the patient must agree to sign electronically', async () => {
      const consent = await prepareConsent(owner.client, patientId);
      const cases: { signature: string; why: string }[] = [
        { signature: 'hello', why: 'not a data URL' },
        { signature: `data:image/png;base64,${Buffer.from('not a png at all, just text').toString('base64')}`, why: 'not PNG bytes' },
        { signature: `data:image/jpeg;base64,${Buffer.from('x').toString('base64')}`, why: 'JPEG' },
        { signature: `data:image/svg+xml;base64,${Buffer.from('<html><body>hi</body></html>').toString('base64')}`, why: 'no svg root' },
        { signature: `data:image/svg+xml;base64,${Buffer.from('<svg><script>alert(1)</script></svg>').toString('base64')}`, why: 'script' },
        { signature: `data:image/svg+xml;base64,${Buffer.from('<svg><image href="https://evil.example/x.png"/></svg>').toString('base64')}`, why: 'external' },
        { signature: signaturePng(5000, 2), why: 'oversized dimensions' },
        { signature: `data:image/png;base64,${'A'.repeat(700_004)}`, why: 'too long' },
      ];
      for (const c of cases) {
        const response = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { signature: c.signature }));
        expect({ why: c.why, status: response.status }).toEqual({ why: c.why, status: 400 });
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('signature');
      }
      const noEsign = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { electronicSignatureConsent: false }));
      expectProblem(noEsign, 422);
      expect(noEsign.body.violations[0].field).toBe('electronicSignatureConsent');
      const noName = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { signerName: ' ' }));
      expect(noName.body.errors.map((e: { field: string }) => e.field)).toContain('signerName');
      expect((await owner.client.get(`/api/consents/${consent.id}`)).body.status).toBe('pending');
    });

    it('signs once: stores name, acknowledgements, signature, IP, user agent and a SHA-256; a second signing is 409', async () => {
      const consent = await prepareConsent(owner.client, patientId);
      const signed = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { acknowledgements: ['a5', 'a4', 'a3', 'a2', 'a1'] }), {
        headers: { 'user-agent': 'Kiosk tablet/1.0' },
      });
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        status: 'valid',
        signerName: 'Jordan Sample',
        signerIp: '127.0.0.1',
        signerUserAgent: 'Kiosk tablet/1.0',
        electronicSignatureConsent: true,
        witnessedAt: null,
      });
      expect(signed.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(signed.body.signature).toMatch(/^data:image\/png;base64,/);
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent)), 409);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: true, contentHashMatches: true, recordHashMatches: null });
    });

    it('two simultaneous signings of one pending consent: exactly one succeeds', async () => {
      const consent = await prepareConsent(owner.client, patientId);
      const second = await signIn(app, owner.staffMember.email);
      const results = await Promise.all([
        owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { signerName: 'First Tap' })),
        second.post(`/api/consents/${consent.id}/sign`, signBody(consent, { signerName: 'Second Tap', signature: signatureSvg() })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const stored = (await owner.client.get(`/api/consents/${consent.id}`)).body;
      expect(stored.signerName).toBe(results.find((r) => r.status === 200)!.body.signerName);
      const events: { count: number }[] = await app.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'consent.signed'`,
        [consent.id],
      );
      expect(events[0].count).toBe(1);
    });
  });

  describe('witness, revoke, kiosk exit', () => {
    it('the staff member witnesses with their password; the witness is chained into the record hash', async () => {
      const pending = await prepareConsent(owner.client, patientId);
      expectProblem(await owner.client.post(`/api/consents/${pending.id}/witness`, { password: TEST_PASSWORD }), 409);
      const consent = await signedConsent(owner.client, patientId);
      const wrong = await owner.client.post(`/api/consents/${consent.id}/witness`, { password: 'not it' });
      expectProblem(wrong, 400);
      expect(wrong.body.errors[0].field).toBe('password');
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/witness`, {}), 400);
      const witnessed = await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
      expect(witnessed.status).toBe(200);
      expect(witnessed.body).toMatchObject({ witnessName: owner.staffMember.name, contentHash: consent.contentHash });
      expect(witnessed.body.recordHash).toMatch(/^[0-9a-f]{64}$/);
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD }), 409);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: true, recordHashMatches: true });
    });

    it('two simultaneous witnessings: exactly one is recorded', async () => {
      const consent = await signedConsent(owner.client, patientId);
      const nurse = await newStaffMember(app.dataSource, owner.organization.id, { role: 'nurse' });
      const nurseClient = await signIn(app, nurse.email);
      const results = await Promise.all([
        owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD }),
        nurseClient.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body.intact).toBe(true);
    });

    it('witness: true in the sign request makes the signed-in staff member the witness', async () => {
      const consent = await prepareConsent(owner.client, patientId, 'photography');
      const signed = await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { witness: true, acknowledgements: ['a1', 'a2', 'a3'] }));
      expect(signed.status).toBe(200);
      expect(signed.body.witnessName).toBe(owner.staffMember.name);
      expect(signed.body.witnessedAt).toBe(signed.body.signedAt);
      expect(signed.body.acceptedAcknowledgements).toEqual(['a1', 'a2', 'a3']);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body.intact).toBe(true);
    });

    it('revocation records who, when and why without touching the signed content; revoked consents no longer count', async () => {
      const consent = await signedConsent(owner.client, patientId, 'topical_anesthetic');
      const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, owner.organization.id, { role: 'front_desk' })).email);
      expectProblem(await frontDesk.post(`/api/consents/${consent.id}/revoke`, { reason: 'x' }), 403);
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/revoke`, { reason: '' }), 400);
      const revoked = await owner.client.post(`/api/consents/${consent.id}/revoke`, { reason: 'Patient withdrew by phone' });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'Patient withdrew by phone', revokedByName: owner.staffMember.name });
      expect(revoked.body.contentHash).toBe(consent.contentHash);
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/revoke`, { reason: 'again' }), 409);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body.intact).toBe(true);
      const valid = await owner.client.get(`/api/patients/${patientId}/consents?kind=topical_anesthetic&valid=true`);
      expect(valid.body.map((c: { id: string }) => c.id)).not.toContain(consent.id);
      // A voided pending consent cannot be signed afterwards.
      const pending = await prepareConsent(owner.client, patientId);
      await owner.client.post(`/api/consents/${pending.id}/revoke`, { reason: 'Prepared by mistake' });
      expectProblem(await owner.client.post(`/api/consents/${pending.id}/sign`, signBody(pending)), 409);
    });

    it('leaving the kiosk needs the staff password and is audited', async () => {
      const consent = await prepareConsent(owner.client, patientId);
      expectProblem(await owner.client.post(`/api/consents/${consent.id}/kiosk-exit`, { password: 'guess' }), 400);
      expect((await owner.client.post(`/api/consents/${consent.id}/kiosk-exit`, { password: TEST_PASSWORD })).status).toBe(204);
      const events: { count: number }[] = await app.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'consent.kiosk_closed'`,
        [consent.id],
      );
      expect(events[0].count).toBe(1);
    });

    it('front desk prepares, runs the kiosk and witnesses', async () => {
      const member = await newStaffMember(app.dataSource, owner.organization.id, { role: 'front_desk' });
      const frontDesk = await signIn(app, member.email);
      const consent = await prepareConsent(frontDesk, patientId, 'cosmetic_needling');
      expect((await frontDesk.post(`/api/consents/${consent.id}/sign`, signBody(consent))).status).toBe(200);
      expect((await frontDesk.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD })).body.witnessName).toBe(member.name);
    });
  });

  describe('the database keeps signed records', () => {
    it('refuses UPDATE of signed content and DELETE, but lets witness and revocation be set once', async () => {
      const consent = await signedConsent(owner.client, patientId);
      const attempts = [
        `UPDATE consent_records SET body = body || ' (amended)' WHERE id = $1`,
        `UPDATE consent_records SET signer_name = 'Someone Else' WHERE id = $1`,
        `UPDATE consent_records SET signature = 'data:image/png;base64,AAAA' WHERE id = $1`,
        `UPDATE consent_records SET signed_at = signed_at - interval '1 day' WHERE id = $1`,
        `UPDATE consent_records SET content_hash = repeat('0', 64) WHERE id = $1`,
        `UPDATE consent_records SET valid_days = 9999 WHERE id = $1`,
        `DELETE FROM consent_records WHERE id = $1`,
      ];
      for (const sql of attempts) await expect(app.dataSource.query(sql, [consent.id])).rejects.toThrow(/consent/);
      await expect(app.dataSource.query(`TRUNCATE consent_records`)).rejects.toThrow(/append-only/);
      await app.dataSource.query(`UPDATE consent_records SET revoked_at = now(), revoked_by = created_by, revocation_reason = 'x' WHERE id = $1`, [consent.id]);
      await expect(
        app.dataSource.query(`UPDATE consent_records SET revocation_reason = 'rewritten' WHERE id = $1`, [consent.id]),
      ).rejects.toThrow(/revoked/);
      const pending = await prepareConsent(owner.client, patientId);
      await expect(app.dataSource.query(`DELETE FROM consent_records WHERE id = $1`, [pending.id])).rejects.toThrow(/never deleted/);
      // A signed row must be complete (CHECK).
      await expect(
        app.dataSource.query(`UPDATE consent_records SET signed_at = now() WHERE id = $1`, [pending.id]),
      ).rejects.toThrow(/consent_records_signed_complete/);
    });

    it('verify says intact:false when a signed row was altered behind the trigger', async () => {
      const consent = await signedConsent(owner.client, patientId);
      await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body.intact).toBe(true);
      await tamper(app, `UPDATE consent_records SET body = replace(body, 'redness', 'mild pinkness') WHERE id = $1`, consent.id);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: false, contentHashMatches: false });

      const other = await signedConsent(owner.client, patientId);
      await owner.client.post(`/api/consents/${other.id}/witness`, { password: TEST_PASSWORD });
      await tamper(app, `UPDATE consent_records SET witness_name = 'A Different Witness' WHERE id = $1`, other.id);
      expect((await owner.client.get(`/api/consents/${other.id}/verify`)).body).toMatchObject({ intact: false, contentHashMatches: true, recordHashMatches: false });

      const third = await signedConsent(owner.client, patientId);
      await tamper(app, `UPDATE consent_records SET accepted_acknowledgements = array_remove(accepted_acknowledgements, 'a3') WHERE id = $1`, third.id);
      expect((await owner.client.get(`/api/consents/${third.id}/verify`)).body.intact).toBe(false);

      const pending = await prepareConsent(owner.client, patientId);
      expectProblem(await owner.client.get(`/api/consents/${pending.id}/verify`), 409);
    });

    it('verify catches a signer name rewritten with both SHA-256 hashes recomputed: the audit chain holds the signed hash', async () => {
      const consent = await signedConsent(owner.client, patientId);
      await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({ intact: true, chainMatches: true });
      await tamper(app, `UPDATE consent_records SET signer_name = 'Someone Else' WHERE id = $1`, consent.id);
      // The forger recomputes the unkeyed hashes from the altered row, as anyone with write access could.
      const forged = (await app.dataSource.getRepository(ConsentRecord).findOneByOrFail({ id: consent.id })) as ConsentRecord;
      const contentHash = contentHashOf(forged);
      const recordHash = recordHashOf(contentHash, forged.witnessedAt as Date, forged.witnessedBy as string, forged.witnessName ?? '');
      await tamper(app, `UPDATE consent_records SET content_hash = '${contentHash}', record_hash = '${recordHash}' WHERE id = $1`, consent.id);
      expect((await owner.client.get(`/api/consents/${consent.id}/verify`)).body).toMatchObject({
        intact: false,
        contentHashMatches: true,
        recordHashMatches: true,
        chainMatches: false,
      });
    });
  });

  describe('validity', () => {
    let validity: Org;
    let pid: string;
    beforeAll(async () => {
      validity = await signedInOrganization(app, 'admin');
      pid = (await newPatient(app.dataSource, validity.organization.id)).id;
    });

    it('counts validDays after the signing date on the clinic calendar, the last day inclusive', async () => {
      const template = await templateOfKind(validity.client, 'cosmetic_needling');
      const full = (await validity.client.get(`/api/consent-templates/${template.id}`)).body;
      await validity.client.post(`/api/consent-templates/${template.id}/versions`, {
        title: full.current.title,
        body: full.current.body,
        acknowledgements: full.current.acknowledgements,
        validDays: 30,
        requiresReconsent: false,
      }).then((r) => expect(r.status).toBe(400)); // keys are assigned by the API: sending them is refused
      const published = await validity.client.post(`/api/consent-templates/${template.id}/versions`, {
        title: full.current.title,
        body: full.current.body,
        acknowledgements: full.current.acknowledgements.map((a: { text: string; required: boolean }) => ({ text: a.text, required: a.required })),
        validDays: 30,
        requiresReconsent: false,
      });
      expect(published.status).toBe(201);
      const consent = await signedConsent(validity.client, pid, 'cosmetic_needling');
      // The test location is in New York: the clinic date of signing, plus 30 days.
      const signedDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(consent.signedAt));
      const through = new Date(`${signedDate}T12:00:00Z`);
      through.setUTCDate(through.getUTCDate() + 30);
      const throughDate = through.toISOString().slice(0, 10);
      expect(consent.validThrough).toBe(throughDate);

      const status = app.app.get(ConsentStatusService);
      const manager = app.dataSource.manager;
      const lastMinute = zonedInstant(throughDate, '23:59:59', 'America/New_York');
      const nextDay = new Date(lastMinute.getTime() + 1000);
      expect(await status.validConsentKinds(manager, validity.organization.id, pid, lastMinute)).toEqual(new Set(['cosmetic_needling']));
      expect(await status.validConsentKinds(manager, validity.organization.id, pid, nextDay)).toEqual(new Set());
      expect(await status.missingConsentKinds(manager, validity.organization.id, pid, ['cosmetic_needling', 'topical_anesthetic'], lastMinute)).toEqual([
        'topical_anesthetic',
      ]);
      expect(await status.missingConsentKinds(manager, validity.organization.id, pid, ['cosmetic_needling'], nextDay)).toEqual(['cosmetic_needling']);
      // Another organization's view of the same patient id finds nothing.
      expect(await status.validConsentKinds(manager, owner.organization.id, pid, lastMinute)).toEqual(new Set());
    });

    it('a new version requiring re-consent supersedes earlier signatures; one that does not, does not', async () => {
      const template = await templateOfKind(validity.client, 'medical_needling');
      const full = (await validity.client.get(`/api/consent-templates/${template.id}`)).body;
      const next = (requiresReconsent: boolean) =>
        validity.client.post(`/api/consent-templates/${template.id}/versions`, {
          title: full.current.title,
          body: full.current.body,
          acknowledgements: full.current.acknowledgements.map((a: { text: string; required: boolean }) => ({ text: a.text, required: a.required })),
          validDays: 365,
          requiresReconsent,
        });
      const signedV1 = await signedConsent(validity.client, pid, 'medical_needling');
      const pendingV1 = await prepareConsent(validity.client, pid, 'medical_needling');
      expect((await next(false)).status).toBe(201);
      expect((await validity.client.get(`/api/consents/${signedV1.id}`)).body.status).toBe('valid');
      const signedV2 = await signedConsent(validity.client, pid, 'medical_needling');
      expect((await next(true)).status).toBe(201);
      expect((await validity.client.get(`/api/consents/${signedV1.id}`)).body.status).toBe('superseded');
      expect((await validity.client.get(`/api/consents/${signedV2.id}`)).body.status).toBe('superseded');
      const late = await validity.client.post(`/api/consents/${pendingV1.id}/sign`, signBody(pendingV1));
      expectProblem(late, 409);
      expect(late.body.type).toContain('consent-superseded');
      const fresh = await signedConsent(validity.client, pid, 'medical_needling');
      expect((await validity.client.get(`/api/consents/${fresh.id}`)).body.status).toBe('valid');

      const all = await validity.client.get(`/api/patients/${pid}/consents?kind=medical_needling`);
      expect(all.body.map((c: { status: string }) => c.status).sort()).toEqual(['pending', 'superseded', 'superseded', 'valid']);
      const valid = await validity.client.get(`/api/patients/${pid}/consents?kind=medical_needling&valid=true`);
      expect(valid.body.map((c: { id: string }) => c.id)).toEqual([fresh.id]);
      const notValid = await validity.client.get(`/api/patients/${pid}/consents?kind=medical_needling&valid=false`);
      expect(notValid.body).toHaveLength(3);
      expectProblem(await validity.client.get(`/api/patients/${pid}/consents?kind=tattoo`), 400);
      expectProblem(await validity.client.get(`/api/patients/${pid}/consents?valid=maybe`), 400);
    });
  });

  describe('documents', () => {
    it('a pending consent has no PDF (409); a signed one is a real PDF with a certificate page', async () => {
      const pending = await prepareConsent(owner.client, patientId);
      expectProblem(await owner.client.get(`/api/consents/${pending.id}/pdf`), 409);
      const consent = await signedConsent(owner.client, patientId);
      await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
      const response = await fetch(`${app.baseUrl}/api/consents/${consent.id}/pdf`, {
        headers: { cookie: [...owner.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="consent-SL-\d+-medical_needling-/);
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The document, then the certificate page; no blank pages.
      expect(pdfPageCount(pdf)).toBeGreaterThan(1);
      expect(pdfPageCount(pdf)).toBeLessThanOrEqual(4);
    });

    it('draws an SVG signature too', async () => {
      const consent = await prepareConsent(owner.client, patientId, 'photography');
      await owner.client.post(`/api/consents/${consent.id}/sign`, signBody(consent, { signature: signatureSvg() }));
      const response = await owner.client.get(`/api/consents/${consent.id}/pdf`);
      expect(response.status).toBe(200);
      expect(response.text.startsWith('%PDF-')).toBe(true);
    });

    it('the patient timeline shows consents signed, witnessed and revoked', async () => {
      const consent = await signedConsent(owner.client, patientId, 'photography');
      await owner.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
      await owner.client.post(`/api/consents/${consent.id}/revoke`, { reason: 'Withdrew marketing and clinical photos' });
      const timeline = await owner.client.get(`/api/patients/${patientId}/timeline`);
      const titles = timeline.body.items.filter((i: { refId: string }) => i.refId === consent.id).map((i: { title: string }) => i.title);
      expect(titles).toEqual([
        'Consent signed: Consent to clinical photography',
        'Consent witnessed: Consent to clinical photography',
        'Consent revoked: Consent to clinical photography',
      ]);
    });
  });
});

/** Changes a row with the guard trigger disabled, as a superuser could: what verification must catch. */
async function tamper(app: TestApp, sql: string, id: string): Promise<void> {
  await app.dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(sql, [id]);
  });
}

/** The instant of a wall-clock time on a date in a time zone. */
function zonedInstant(date: string, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(guess.getTime() - (asUtc - guess.getTime()));
}
