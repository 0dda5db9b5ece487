import type { ApiClient } from '../../test/api-client';
import { consentPractitioner, signaturePng, signatureSvg } from '../../test/consent-factories';
import { signedInOrganization, TEST_PASSWORD } from '../../test/factories';
import { pdfaIdentification, readPdf, withoutBidiControls, type PdfReading } from '../../test/pdf-tools';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Names as patients write them, one per script a clinic in a big city meets (NFC, as keyboards type them). */
const NAMES: { script: string; firstName: string; lastName: string }[] = [
  { script: 'Latin with Latin-1 and Latin Extended-A', firstName: 'Zoë', lastName: 'Dvořák' },
  { script: 'Latin Extended (Polish, Turkish, Romanian)', firstName: 'Łukasz', lastName: 'Żółkiewski-Şerbănescu' },
  { script: 'Vietnamese', firstName: 'Ánh Tuyết', lastName: 'Nguyễn Thị' },
  { script: 'Greek', firstName: 'Αλέξανδρος', lastName: 'Παπαδόπουλος' },
  { script: 'Cyrillic', firstName: 'Анна', lastName: 'Щербакова-Йовић' },
  { script: 'Arabic', firstName: 'محمد', lastName: 'العلي' },
  { script: 'Hebrew', firstName: 'דוד', lastName: 'כהן' },
  { script: 'Chinese (Han)', firstName: '王', lastName: '小明' },
  { script: 'Japanese (kana and kanji)', firstName: 'さくら', lastName: '佐藤' },
  { script: 'Korean (Hangul)', firstName: '민준', lastName: '김' },
  { script: 'Latin, Vietnamese and Han in one name', firstName: 'Łukasz', lastName: 'Nguyễn 王小明' },
];

/** A custom form whose own text and acknowledgements are in several scripts (a clinic translating its form). */
const MULTILINGUAL_FORM = {
  kind: 'custom',
  title: 'Consent to LED light therapy',
  body: [
    '# LED light therapy',
    '**Patient:** {{patientName}}, born {{dateOfBirth}}',
    'Tôi đồng ý điều trị bằng ánh sáng LED.',
    'Я согласна на процедуру.',
    'أوافق على العلاج بالضوء',
    '我同意接受LED光疗。',
  ].join('\n\n'),
  acknowledgements: [
    { text: 'Tôi đã hiểu các rủi ro của liệu trình.', required: true },
    { text: 'Ich habe die Risiken verstanden – Größe, Maß und Übel.', required: true },
    { text: 'أفهم المخاطر', required: true },
    { text: '我已了解风险。', required: true },
    { text: '위험을 이해했습니다.', required: true },
  ],
  validDays: 30,
};

describe('the consent PDF: every name as signed, PDF/A-2b with every font embedded', () => {
  let app: TestApp;
  let clinic: Awaited<ReturnType<typeof signedInOrganization>>;

  beforeAll(async () => {
    app = await createTestApp();
    clinic = await signedInOrganization(app, 'owner');
  });
  afterAll(async () => app.close());

  async function download(client: ApiClient, id: string): Promise<Buffer> {
    const response = await fetch(`${app.baseUrl}/api/consents/${id}/pdf`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    if (response.status !== 200) throw new Error(`pdf: ${response.status} ${await response.text()}`);
    return Buffer.from(await response.arrayBuffer());
  }

  /** A patient created through the API, a consent of the template prepared, signed with their own name and witnessed. */
  async function signedFor(firstName: string, lastName: string, templateId: string, signature = signaturePng()) {
    const patient = await clinic.client.post('/api/patients', { firstName, lastName, dateOfBirth: '1987-01-02', confirmDuplicate: true });
    if (patient.status !== 201) throw new Error(`patient: ${patient.status} ${patient.text}`);
    const practitionerId = await consentPractitioner(clinic.client);
    const prepared = await clinic.client.post(`/api/patients/${patient.body.id}/consents`, { templateId, practitionerId });
    if (prepared.status !== 201) throw new Error(`prepare: ${prepared.status} ${prepared.text}`);
    const consent = prepared.body as { id: string; acknowledgements: { key: string; text: string; required: boolean }[]; placeholderValues: { patientName: string } };
    const signerName = `${firstName} ${lastName}`;
    const signed = await clinic.client.post(`/api/consents/${consent.id}/sign`, {
      signerName,
      acknowledgements: consent.acknowledgements.map((a) => a.key),
      signature,
      electronicSignatureConsent: true,
    });
    if (signed.status !== 200) throw new Error(`sign: ${signed.status} ${signed.text}`);
    const witnessed = await clinic.client.post(`/api/consents/${consent.id}/witness`, { password: TEST_PASSWORD });
    if (witnessed.status !== 200) throw new Error(`witness: ${witnessed.status} ${witnessed.text}`);
    return { consent, signerName, mrn: patient.body.mrn as string };
  }

  /** pdftotext's lines, without the directional controls it adds around right-to-left text, spaces collapsed. */
  const linesOf = (reading: PdfReading) =>
    withoutBidiControls(reading.text)
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim());

  function expectArchival(reading: PdfReading): void {
    // Every font is embedded (as a subset with a ToUnicode map), none of the Latin-1-only base-14 fonts.
    expect(reading.fonts.length).toBeGreaterThan(0);
    expect(reading.fonts.filter((f) => !f.embedded || !f.toUnicode)).toEqual([]);
    expect(reading.fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    // PDF/A-2b, declared in the XMP metadata; PDF 1.7; tagged.
    expect(pdfaIdentification(reading.xmp)).toEqual({ part: '2', conformance: 'B' });
    expect(reading.info['PDF version']).toBe('1.7');
    expect(reading.info.Tagged).toBe('yes');
    expect(reading.qpdfCheck).toEqual({ status: 0, output: expect.stringContaining('No syntax or stream encoding errors found') });
  }

  describe('names in every script', () => {
    let templateId: string;
    beforeAll(async () => {
      const templates = (await clinic.client.get('/api/consent-templates')).body as { id: string; kind: string }[];
      templateId = templates.find((t) => t.kind === 'medical_needling')!.id;
    });

    it.each(NAMES)('$script: "$firstName $lastName" reads back exactly where it was signed', async ({ firstName, lastName }) => {
      const { consent, signerName, mrn } = await signedFor(firstName, lastName, templateId);
      const reading = readPdf(await download(clinic.client, consent.id));
      const lines = linesOf(reading);
      // On the signed form (its identity line), under the signature, and on the certificate page.
      expect(lines).toContain(`Patient: ${signerName}, born 1987-01-02`);
      expect(lines).toContain(`Signed by: ${signerName}`);
      expect(lines.some((l) => l.startsWith(`Patient: ${signerName}, born 1987-01-02, MRN ${mrn}`))).toBe(true);
      expect(lines).toContain(`Signer identified as: ${signerName}`);
      expect(lines.some((l) => l.startsWith(`${signerName}, on the device of `))).toBe(true);
      expectArchival(reading);
    });
  });

  it('a consent in plain English too: every font embedded with a ToUnicode map, PDF/A-2b declared, PDF 1.7, tagged, sound', async () => {
    const templates = (await clinic.client.get('/api/consent-templates')).body as { id: string; kind: string }[];
    const { consent } = await signedFor('Jordan', 'Sample', templates.find((t) => t.kind === 'cosmetic_needling')!.id);
    const reading = readPdf(await download(clinic.client, consent.id));
    expect(reading.fonts.map((f) => `${f.name.replace(/^[A-Z]{6}\+/, '')} ${f.type} embedded=${f.embedded}`)).toEqual([
      'DejaVuSans CID TrueType embedded=true',
      'DejaVuSans-Bold CID TrueType embedded=true',
      'DejaVuSansMono CID TrueType embedded=true',
    ]);
    expectArchival(reading);
  });

  it('the form text and acknowledgements of a multilingual form read back as signed', async () => {
    const created = await clinic.client.post('/api/consent-templates', MULTILINGUAL_FORM);
    expect(created.status).toBe(201);
    const { consent, signerName } = await signedFor('محمد', 'العلي', created.body.id, signatureSvg());
    const reading = readPdf(await download(clinic.client, consent.id));
    const lines = linesOf(reading);
    expect(lines).toContain('LED light therapy');
    expect(lines).toContain(`Patient: ${signerName}, born 1987-01-02`);
    for (const paragraph of MULTILINGUAL_FORM.body.split('\n\n').slice(2)) expect(lines).toContain(paragraph);
    for (const acknowledgement of consent.acknowledgements) expect(lines).toContain(`Ticked: ${acknowledgement.text}`);
    expect(lines).toContain(`Signed by: ${signerName}`);
    expectArchival(reading);
  });

  it('says what it is in its metadata: the title, the clinic and PDF/A-2b, in well-formed XMP', async () => {
    const templates = (await clinic.client.get('/api/consent-templates')).body as { id: string; kind: string }[];
    const { consent } = await signedFor('Zoë', 'Dvořák', templates.find((t) => t.kind === 'photography')!.id);
    const reading = readPdf(await download(clinic.client, consent.id));
    expect(reading.info.Title).toBe('Consent to clinical photography');
    expect(reading.info.Author).toBe(clinic.organization.name);
    expect(reading.info.Producer).toBe('SkinLedger (PDFKit)');
    expect(reading.xmp).toContain('<rdf:li xml:lang="x-default">Consent to clinical photography</rdf:li>');
    expect(reading.xmp).toContain('<pdf:Producer>SkinLedger (PDFKit)</pdf:Producer>');
    expectArchival(reading);
  });
});
