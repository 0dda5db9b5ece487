import { addDays, addMonths, emptyMedicalHistory, isoDateInTimeZone, MEDICAL_HISTORY_FIELDS, readable, type MedicalHistoryAnswers } from '@skinledger/domain';
import { newPatient, newStaffMember, signedInOrganization, signIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Medical-history versions, eligibility screening, the timeline and the export of one patient's record. */
describe('clinical record', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  // signedInOrganization's location is in New York: "today" for eligibility is New York's date.
  const today = () => isoDateInTimeZone(new Date(), 'America/New_York');
  const history = (patch: Partial<MedicalHistoryAnswers> = {}): MedicalHistoryAnswers => ({ ...emptyMedicalHistory(), ...patch });

  async function clinic() {
    const owner = await signedInOrganization(app, 'owner');
    const frontDesk = await signIn(app, (await newStaffMember(app.dataSource, owner.organization.id, { role: 'front_desk' })).email);
    const nurse = await signIn(app, (await newStaffMember(app.dataSource, owner.organization.id, { role: 'nurse', defaultLocationId: owner.location.id })).email);
    const patient = await newPatient(app.dataSource, owner.organization.id, { fitzpatrickType: 2 });
    return { ...owner, frontDesk, nurse, patient };
  }

  describe('medical history', () => {
    it('records versions, keeps the earlier ones, and says who recorded each', async () => {
      const { client, frontDesk, nurse, patient } = await clinic();
      const v1 = await frontDesk.put(`/api/patients/${patient.id}/medical-history`, history({ medications: [' aspirin 81 mg '] }));
      expect(v1.status).toBe(200);
      expect(v1.body).toMatchObject({ version: 1, patientId: patient.id, recordedByName: expect.stringMatching(/^Staff /) });
      expect(v1.body.answers.medications).toEqual(['aspirin 81 mg']);
      expect(Object.keys(v1.body.answers).sort()).toEqual(MEDICAL_HISTORY_FIELDS.map((f) => f.field).sort());

      const v2 = await nurse.put(`/api/patients/${patient.id}/medical-history`, history({ keloidHistory: true, allergies: [{ substance: 'Benzocaine' }] }));
      expect(v2.body.version).toBe(2);
      expect(v2.body.answers.allergies).toEqual([{ substance: 'Benzocaine', class: 'ester_anesthetic' }]);

      const current = await nurse.get(`/api/patients/${patient.id}/medical-history`);
      expect(current.body.current).toMatchObject({ version: 2, answers: { keloidHistory: true } });
      expect(current.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(current.body.versions.map((v: { recordedByName: string }) => v.recordedByName)).toEqual([v2.body.recordedByName, v1.body.recordedByName]);
      const first = await client.get(`/api/patients/${patient.id}/medical-history/versions/1`);
      expect(first.body.answers).toMatchObject({ keloidHistory: false, medications: ['aspirin 81 mg'] });
      expect((await client.get(`/api/patients/${patient.id}/medical-history/versions/9`)).status).toBe(404);

      const viewed = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'patient.medical_history_viewed'`,
        [patient.id],
      );
      expect(viewed[0].n).toBe(2);
    });

    it('refuses a new version for an archived patient with 422', async () => {
      const { client, nurse, patient } = await clinic();
      await client.post(`/api/patients/${patient.id}/archive`);
      const refused = await nurse.put(`/api/patients/${patient.id}/medical-history`, history());
      expect(refused.status).toBe(422);
      expect(refused.body.violations).toEqual([{ code: 'patient-archived', message: expect.any(String) }]);
      await client.post(`/api/patients/${patient.id}/restore`);
      expect((await nurse.put(`/api/patients/${patient.id}/medical-history`, history())).status).toBe(200);
    });

    it('answers an empty history before the first version', async () => {
      const { nurse, patient } = await clinic();
      expect((await nurse.get(`/api/patients/${patient.id}/medical-history`)).body).toEqual({ current: null, versions: [] });
    });

    it('lets the front desk record but not read a history', async () => {
      const { frontDesk, patient } = await clinic();
      expect((await frontDesk.put(`/api/patients/${patient.id}/medical-history`, history())).status).toBe(200);
      for (const path of ['medical-history', 'medical-history/versions/1', 'eligibility?procedure=medical', 'timeline', 'export']) {
        expect((await frontDesk.get(`/api/patients/${patient.id}/${path}`)).status).toBe(403);
      }
    });

    it('refuses an incomplete or malformed questionnaire, naming each field, and records nothing', async () => {
      const { nurse, patient } = await clinic();
      const incomplete: Partial<MedicalHistoryAnswers> = history();
      delete incomplete.keloidHistory;
      const response = await nurse.put(`/api/patients/${patient.id}/medical-history`, {
        ...incomplete,
        isotretinoinLastDoseOn: '2026-02-30',
        pregnantOrBreastfeeding: 'no',
        allergies: [{ substance: '' }],
        smoker: true,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['keloidHistory', 'isotretinoinLastDoseOn', 'pregnantOrBreastfeeding', 'allergies[0].substance', 'smoker']),
      );
      expect(response.body.errors).toContainEqual({
        field: 'isotretinoinLastDoseOn',
        message: 'isotretinoinLastDoseOn must be a calendar date written YYYY-MM-DD, or null when never',
      });
      const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM patient_medical_histories WHERE patient_id = $1`, [patient.id]);
      expect(n).toBe(0);
    });

    it('refuses a last-exposure date after today, which would block the patient for no reason', async () => {
      const { nurse, patient } = await clinic();
      const response = await nurse.put(`/api/patients/${patient.id}/medical-history`, history({ isotretinoinLastDoseOn: '2099-01-01', waxingLastOn: today() }));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'isotretinoinLastDoseOn', message: expect.stringContaining('cannot be in the future') }]);
      const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM patient_medical_histories WHERE patient_id = $1`, [patient.id]);
      expect(n).toBe(0);
    });

    it('refuses any change to a recorded version in the database', async () => {
      const { nurse, patient } = await clinic();
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history());
      await expect(
        app.dataSource.query(`UPDATE patient_medical_histories SET answers = '{}'::jsonb WHERE patient_id = $1`, [patient.id]),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(app.dataSource.query(`DELETE FROM patient_medical_histories WHERE patient_id = $1`, [patient.id])).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      await expect(app.dataSource.query(`TRUNCATE patient_medical_histories`)).rejects.toThrow(/append-only/);
    });
  });

  describe('eligibility', () => {
    it('blocks medical needling within 6 months of the last isotretinoin dose, saying from when', async () => {
      const { nurse, patient } = await clinic();
      const lastDose = addMonths(today(), -3);
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history({ isotretinoinLastDoseOn: lastDose }));
      const response = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical`);
      expect(response.status).toBe(200);
      const eligibleFrom = addMonths(lastDose, 6);
      expect(response.body).toEqual({
        eligible: false,
        procedure: 'medical',
        on: today(),
        blockers: [{ code: 'isotretinoin_window', message: expect.stringContaining(`eligible from ${readable().date(eligibleFrom)}`), eligibleFrom, until: addDays(eligibleFrom, -1) }],
        warnings: [],
        eligibleFrom,
        medicalHistorySource: 'staff',
        medicalHistoryVersion: 1,
      });
      const later = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical&on=${eligibleFrom}`);
      expect(later.body).toMatchObject({ eligible: true, blockers: [], on: eligibleFrom });
    });

    it('warns about keloid history without blocking', async () => {
      const { nurse, patient } = await clinic();
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history({ keloidHistory: true }));
      const response = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=cosmetic&on=${today()}`);
      expect(response.body).toMatchObject({ eligible: true, blockers: [], warnings: [{ code: 'keloid_history', message: expect.any(String) }] });
      expect(response.body.eligibleFrom).toBeUndefined();
    });

    it('warns when the history is older than 90 days on the treatment date', async () => {
      const { nurse, patient } = await clinic();
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history());
      expect((await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical&on=${addDays(today(), 90)}`)).body.warnings).toEqual([]);
      const stale = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical&on=${addDays(today(), 91)}`);
      expect(stale.body).toMatchObject({ eligible: true, warnings: [{ code: 'history_stale', message: expect.stringContaining('91 days old') }] });
    });

    it('blocks without a history, for an archived patient, and for a nickel allergy on the patient record', async () => {
      const { client, nurse, organization } = await clinic();
      const noHistory = await newPatient(app.dataSource, organization.id, { fitzpatrickType: 2 });
      expect((await nurse.get(`/api/patients/${noHistory.id}/eligibility?procedure=cosmetic`)).body).toMatchObject({
        eligible: false,
        blockers: [{ code: 'history_missing' }],
        medicalHistoryVersion: null,
      });

      const archived = await newPatient(app.dataSource, organization.id, { fitzpatrickType: 2 });
      await nurse.put(`/api/patients/${archived.id}/medical-history`, history({ waxingLastOn: today() }));
      await client.post(`/api/patients/${archived.id}/archive`);
      const archivedResult = await nurse.get(`/api/patients/${archived.id}/eligibility?procedure=cosmetic`);
      expect(archivedResult.body.blockers.map((b: { code: string }) => b.code)).toEqual(['patient-archived', 'waxing_window']);
      expect(archivedResult.body.eligibleFrom).toBeUndefined();

      const nickel = await newPatient(app.dataSource, organization.id, { allergies: [{ substance: 'Nickel', class: 'nickel' }] });
      await nurse.put(`/api/patients/${nickel.id}/medical-history`, history());
      const nickelResult = await nurse.get(`/api/patients/${nickel.id}/eligibility?procedure=cosmetic`);
      expect(nickelResult.body.blockers.map((b: { code: string }) => b.code)).toEqual(['nickel_allergy']);
    });

    it('refuses a bad procedure or date and audits each check', async () => {
      const { nurse, patient } = await clinic();
      const bad = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=laser&on=2026-13-01`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['on', 'procedure']);
      await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical`);
      const [event] = await app.dataSource.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'patient.eligibility_checked'`, [
        patient.id,
      ]);
      expect(event.changes).toEqual({ procedure: { to: 'medical' }, on: { to: today() }, eligible: { to: false } });
    });

    it('uses the organization screening settings', async () => {
      const { client, nurse, patient } = await clinic();
      const lastDose = addMonths(today(), -7);
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history({ isotretinoinLastDoseOn: lastDose, keloidHistory: true }));
      expect((await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical`)).body.blockers).toEqual([]);
      const put = await client.put('/api/settings/screening', { windows: { isotretinoin_window: { months: 12 } }, severity: { keloid_history: 'absolute' } });
      expect(put.status).toBe(200);
      const strict = await nurse.get(`/api/patients/${patient.id}/eligibility?procedure=medical`);
      expect(strict.body.blockers.map((b: { code: string }) => b.code)).toEqual(['keloid_history', 'isotretinoin_window']);
      expect(strict.body.blockers[1].eligibleFrom).toBe(addMonths(lastDose, 12));
      expect(strict.body.eligibleFrom).toBeUndefined();
    });
  });

  describe('timeline and export', () => {
    it('lists registration, history versions and archiving in order', async () => {
      const { client, nurse } = await clinic();
      const created = await client.post('/api/patients', { firstName: 'Tim', lastName: 'Eline', dateOfBirth: '1990-09-09', notes: 'x' });
      const id = created.body.id;
      await nurse.put(`/api/patients/${id}/medical-history`, history());
      await nurse.put(`/api/patients/${id}/medical-history`, history({ keloidHistory: true }));
      await client.patch(`/api/patients/${id}`, { email: 'tim@example.com' });
      await client.post(`/api/patients/${id}/archive`, { reason: 'Duplicate record' });

      const timeline = await nurse.get(`/api/patients/${id}/timeline`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.items.map((i: { kind: string; title: string }) => `${i.kind}: ${i.title}`)).toEqual([
        'patient: Patient registered',
        'medical_history: Medical history recorded',
        'medical_history: Medical history updated (version 2)',
        'patient: Details updated',
        'patient: Record archived',
      ]);
      expect(timeline.body.items[0]).toMatchObject({ detail: created.body.mrn, refId: id, actorName: expect.any(String) });
      expect(timeline.body.items[3].detail).toBe('Changed: email');
      expect(timeline.body.items[4].detail).toBe('Duplicate record');
      const ats = timeline.body.items.map((i: { at: string }) => i.at);
      expect([...ats].sort()).toEqual(ats);
      const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'patient.timeline_viewed'`, [id]);
      expect(n).toBe(1);
    });

    it('exports the whole record as a JSON attachment, audited', async () => {
      const { client, nurse, patient, staffMember } = await clinic();
      await nurse.put(`/api/patients/${patient.id}/medical-history`, history());
      await nurse.get(`/api/patients/${patient.id}`);
      expect((await nurse.get(`/api/patients/${patient.id}/export`)).status).toBe(403);

      const response = await client.get(`/api/patients/${patient.id}/export`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="patient-${patient.mrn}.json"`);
      expect(response.body).toMatchObject({
        format: 'skinledger.patient-export',
        exportedBy: { id: staffMember.id },
        patient: { id: patient.id, mrn: patient.mrn },
        medicalHistory: [{ version: 1, answers: history() }],
      });
      // The record as the patient's own page shows it, every field (the export reads it as JSON, issue 15).
      const shown = (await client.get(`/api/patients/${patient.id}`)).body as Record<string, unknown>;
      expect(Object.keys(response.body.patient).length).toBeGreaterThan(10);
      expect(response.body.patient).toEqual(Object.fromEntries(Object.keys(response.body.patient).map((key) => [key, shown[key]])));
      expect(response.body.timeline.map((i: { kind: string }) => i.kind)).toEqual(['medical_history']);
      expect(response.body.accessLog.map((e: { action: string }) => e.action)).toEqual([
        'patient.medical_history_recorded',
        'patient.viewed',
        'patient.exported',
      ]);
      expect(response.body.accessLog[2]).toMatchObject({ actorName: staffMember.name });
      const events = await client.get(`/api/audit-events?entityType=patient&entityId=${patient.id}&action=patient.exported`);
      expect(events.body.items).toEqual([expect.objectContaining({ actorId: staffMember.id })]);
    });
  });
});
