import {
  canonicalJson,
  consentKindLabel,
  consentStatus,
  consentValidThrough,
  CONSENT_PLACEHOLDERS,
  DEFAULT_CONSENT_TEMPLATES,
  formatDepthRange,
  inlineRuns,
  missingAcknowledgements,
  parseConsentMarkdown,
  renderConsentBody,
  SAMPLE_PLACEHOLDER_VALUES,
  signedContentPayload,
  unknownPlaceholders,
  type ConsentValidityInput,
} from './index';

describe('consent kinds in words', () => {
  it('names the known kinds and spells out any other', () => {
    expect(consentKindLabel('medical_needling')).toBe('Medical micro-needling');
    expect(consentKindLabel('laser_resurfacing')).toBe('laser resurfacing');
    expect(consentKindLabel('constructor')).toBe('constructor');
  });
});

describe('placeholders', () => {
  it('renders known placeholders and leaves unknown ones as written', () => {
    const text = renderConsentBody('Dear {{ patientName }}, {{procedure}} at {{depthRange}} {{nope}}', SAMPLE_PLACEHOLDER_VALUES);
    expect(text).toBe('Dear Jordan Sample, Medical micro-needling, full face at 0.5–1.5 mm {{nope}}');
    expect(unknownPlaceholders('{{patientName}} {{patientname}} {{x}} {{x}}')).toEqual(['patientname', 'x']);
  });

  it('formats depth ranges in millimetres', () => {
    expect(formatDepthRange(0.5, 1.5)).toBe('0.5–1.5 mm');
    expect(formatDepthRange(0.25, 0.25)).toBe('0.25 mm');
    expect(formatDepthRange(null, null)).toMatch(/assessed/);
  });
});

describe('consent validity on the clinic calendar', () => {
  const base: ConsentValidityInput = {
    signedAt: new Date('2026-03-11T02:30:00Z'), // 22:30 on the 10th in New York (EDT): the clinic date is 2026-03-10
    revokedAt: null,
    validDays: 365,
    timeZone: 'America/New_York',
    templateVersion: 1,
    reconsentVersions: [],
  };

  it('counts the signing date plus validDays inclusive', () => {
    expect(consentValidThrough(base.signedAt!, 365, base.timeZone)).toBe('2027-03-10');
    // Last minute of 2027-03-10 in New York (EST, UTC-5): still valid; first minute of 2027-03-11: expired.
    expect(consentStatus(base, new Date('2027-03-11T04:59:00Z'))).toBe('valid');
    expect(consentStatus(base, new Date('2027-03-11T05:00:00Z'))).toBe('expired');
  });

  it('uses the clinic date, not UTC, for the signing date', () => {
    // 02:30 UTC is already 2026-03-11 in UTC; in New York it is still the 10th.
    expect(consentValidThrough(base.signedAt!, 1, 'UTC')).toBe('2026-03-12');
    expect(consentValidThrough(base.signedAt!, 1, base.timeZone)).toBe('2026-03-11');
  });

  it('orders revoked, pending, superseded, expired', () => {
    const later = new Date('2028-01-01T00:00:00Z');
    expect(consentStatus({ ...base, signedAt: null }, later)).toBe('pending');
    expect(consentStatus({ ...base, revokedAt: new Date('2026-04-01T00:00:00Z') }, later)).toBe('revoked');
    expect(consentStatus({ ...base, reconsentVersions: [2] }, new Date('2026-04-01T00:00:00Z'))).toBe('superseded');
    expect(consentStatus({ ...base, reconsentVersions: [1] }, new Date('2026-04-01T00:00:00Z'))).toBe('valid');
    expect(consentStatus(base, later)).toBe('expired');
  });
});

describe('signed content', () => {
  it('canonical JSON sorts keys and is stable', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":"2026-01-01T00:00:00.000Z"}',
    );
  });

  it('the payload does not depend on the order of ticked keys', () => {
    const content = {
      consentId: 'c',
      organizationId: 'o',
      patientId: 'p',
      templateId: 't',
      templateVersionId: 'v',
      templateVersion: 1,
      title: 'T',
      body: 'B',
      acknowledgements: [{ key: 'a1', text: 'x', required: true }],
      acceptedAcknowledgements: ['a2', 'a1'],
      electronicSignatureConsent: true,
      signerName: 'Jo',
      signature: 'data:image/png;base64,AA==',
      signedAt: new Date('2026-01-01T00:00:00Z'),
      signerIp: '127.0.0.1',
      signerUserAgent: 'UA',
    };
    expect(signedContentPayload(content)).toBe(signedContentPayload({ ...content, acceptedAcknowledgements: ['a1', 'a2'] }));
    expect(signedContentPayload(content)).not.toBe(signedContentPayload({ ...content, body: 'B.' }));
  });

  it('hashes a consent without a named practitioner exactly as format v1 did, and one naming them as v2 with the practitioner and appointment', () => {
    const content = {
      consentId: 'c',
      organizationId: 'o',
      patientId: 'p',
      templateId: 't',
      templateVersionId: 'v',
      templateVersion: 1,
      title: 'T',
      body: 'B',
      acknowledgements: [{ key: 'a1', text: 'x', required: true }],
      acceptedAcknowledgements: ['a1'],
      electronicSignatureConsent: true,
      signerName: 'Jo',
      signature: 'data:image/png;base64,AA==',
      signedAt: new Date('2026-01-01T00:00:00Z'),
      signerIp: '127.0.0.1',
      signerUserAgent: 'UA',
    };
    // The text consents signed before the practitioner was recorded were hashed over (kept byte for byte).
    expect(signedContentPayload(content)).toBe(
      '{"acceptedAcknowledgements":["a1"],"acknowledgements":[{"key":"a1","required":true,"text":"x"}],"body":"B","consentId":"c",' +
        '"electronicSignatureConsent":true,"format":"skinledger.consent.signed-content.v1","organizationId":"o","patientId":"p",' +
        '"signature":"data:image/png;base64,AA==","signedAt":"2026-01-01T00:00:00.000Z","signerIp":"127.0.0.1","signerName":"Jo",' +
        '"signerUserAgent":"UA","templateId":"t","templateVersion":1,"templateVersionId":"v","title":"T"}',
    );
    const v2 = { ...content, practitioner: { id: 's1', name: 'Dr. Samuel Osei' }, appointmentId: 'a9' };
    expect(JSON.parse(signedContentPayload(v2))).toMatchObject({
      format: 'skinledger.consent.signed-content.v2',
      practitionerId: 's1',
      practitionerName: 'Dr. Samuel Osei',
      appointmentId: 'a9',
    });
    expect(JSON.parse(signedContentPayload({ ...v2, appointmentId: null })).appointmentId).toBeNull();
    expect(signedContentPayload(v2)).not.toBe(signedContentPayload({ ...v2, practitioner: { id: 's2', name: 'Dr. Samuel Osei' } }));
    expect(signedContentPayload(v2)).not.toBe(signedContentPayload({ ...v2, practitioner: { id: 's1', name: 'Tom Alvarez' } }));
  });

  it('names the required acknowledgements not ticked', () => {
    const items = [
      { key: 'a1', text: 'one', required: true },
      { key: 'a2', text: 'two', required: true },
      { key: 'a3', text: 'optional', required: false },
    ];
    expect(missingAcknowledgements(items, ['a2']).map((a) => a.key)).toEqual(['a1']);
  });
});

describe('markdown blocks', () => {
  it('parses headings, paragraphs and lists', () => {
    const blocks = parseConsentMarkdown('# Title\nLine one\nline two\n\n- a\n- b\n  more\n1. first\n## Sub');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', text: 'Line one\nline two' },
      { type: 'list', ordered: false, items: ['a', 'b more'] },
      { type: 'list', ordered: true, items: ['first'] },
      { type: 'heading', level: 2, text: 'Sub' },
    ]);
    expect(inlineRuns('a **b** c')).toEqual([
      { text: 'a ', bold: false },
      { text: 'b', bold: true },
      { text: ' c', bold: false },
    ]);
  });
});

describe('default templates (domain.md section 6)', () => {
  const mustMention: { kind: string; words: RegExp[] }[] = [
    {
      kind: 'needling',
      words: [
        /redness/, /swelling/, /pinpoint bleeding/, /infection/, /hyperpigmentation/, /tram-track/, /allergic/, /granulomatous/,
        /numbing cream/, /Alternatives/, /Before/, /After/, /guaranteed/, /course/, /medical history/, /questions/, /voluntarily/,
        /able to make this decision/,
      ],
    },
  ];

  it.each(DEFAULT_CONSENT_TEMPLATES.filter((t) => t.kind.endsWith('needling')).map((t) => ({ t })))('$t.kind covers every element', ({ t }) => {
    for (const word of mustMention[0].words) expect(t.body).toMatch(word);
  });

  it('every default names the patient and uses only known placeholders, with required acknowledgements', () => {
    expect(DEFAULT_CONSENT_TEMPLATES.map((t) => t.kind)).toEqual(['cosmetic_needling', 'medical_needling', 'topical_anesthetic', 'photography']);
    for (const t of DEFAULT_CONSENT_TEMPLATES) {
      expect(unknownPlaceholders(t.body)).toEqual([]);
      expect(t.body).toContain('{{patientName}}');
      expect(t.body).toContain('{{dateOfBirth}}');
      expect(t.body).toMatch(/voluntarily/);
      expect(t.acknowledgements.some((a) => a.required)).toBe(true);
    }
    expect(CONSENT_PLACEHOLDERS).toHaveLength(5);
  });

  it('photography keeps clinical record and marketing use separate', () => {
    const photo = DEFAULT_CONSENT_TEMPLATES.find((t) => t.kind === 'photography')!;
    expect(photo.acknowledgements.find((a) => /marketing/.test(a.text))?.required).toBe(false);
    expect(photo.acknowledgements.find((a) => /clinical record/.test(a.text))?.required).toBe(true);
  });

  it('anaesthetic consent names anaesthetic reactions', () => {
    const t = DEFAULT_CONSENT_TEMPLATES.find((x) => x.kind === 'topical_anesthetic')!;
    expect(t.body).toMatch(/anaesthetic reactions/);
  });
});
