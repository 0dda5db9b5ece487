import { emptyMedicalHistory, type MedicalHistoryAnswers, type MedicalHistoryDateField } from './answers';
import { BOOLEAN_RULES } from './rules';
import { readable } from '../locale/readable';
import { screenPatient, type ScreenPatientInput } from './screen-patient';

const ON = '2026-11-25';
const screen = (patch: Partial<MedicalHistoryAnswers> = {}, extra: Partial<ScreenPatientInput> = {}) =>
  screenPatient({ answers: { ...emptyMedicalHistory(), ...patch }, fitzpatrickType: 2, procedure: 'medical', onDate: ON, ...extra });
const blockerCodes = (r: ReturnType<typeof screen>) => r.blockers.map((b) => b.code);
const warningCodes = (r: ReturnType<typeof screen>) => r.warnings.map((w) => w.code);

describe('screenPatient: history on file', () => {
  it('clears a clean history', () => {
    expect(screen()).toEqual({ eligible: true, blockers: [], warnings: [] });
  });

  it.each([null, undefined])('blocks with history_missing when the history is %p', (answers) => {
    const result = screenPatient({ answers, procedure: 'cosmetic', onDate: ON, fitzpatrickType: 3 });
    expect(result.eligible).toBe(false);
    expect(blockerCodes(result)).toEqual(['history_missing']);
    expect(result.eligibleFrom).toBeUndefined();
  });

  it('does not let settings turn off history_missing', () => {
    const result = screenPatient({ answers: null, procedure: 'medical', onDate: ON, settings: { severity: { history_stale: 'off' } } });
    expect(blockerCodes(result)).toEqual(['history_missing']);
  });

  it('warns when the history is older than 90 days, not at 90', () => {
    expect(warningCodes(screen({}, { historyRecordedOn: '2026-08-27' }))).toEqual([]); // 90 days
    const stale = screen({}, { historyRecordedOn: '2026-08-26' }); // 91 days
    expect(stale.eligible).toBe(true);
    expect(stale.warnings).toEqual([{ code: 'history_stale', message: expect.stringContaining('Aug 26, 2026 is 91 days old') }]);
  });

  it('does not call a history recorded after the treatment date stale, nor check without a date', () => {
    expect(warningCodes(screen({}, { historyRecordedOn: '2026-12-01' }))).toEqual([]);
    expect(warningCodes(screen({}, { historyRecordedOn: undefined }))).toEqual([]);
  });

  it('uses the configured history age and severity', () => {
    expect(warningCodes(screen({}, { historyRecordedOn: '2026-10-25', settings: { historyMaxAgeDays: 30 } }))).toEqual(['history_stale']);
    const blocking = screen({}, { historyRecordedOn: '2026-01-01', settings: { severity: { history_stale: 'absolute' } } });
    expect(blockerCodes(blocking)).toEqual(['history_stale']);
    expect(blocking.eligibleFrom).toBeUndefined();
  });

  it('throws on malformed dates and settings', () => {
    expect(() => screen({}, { onDate: '2026-13-01' })).toThrow(RangeError);
    expect(() => screen({}, { historyRecordedOn: '25/11/2026' })).toThrow(RangeError);
    expect(() => screen({}, { settings: { windows: { waxing_window: { days: -3 } } } })).toThrow(RangeError);
  });
});

describe('screenPatient: absolute contraindications', () => {
  const absolute = BOOLEAN_RULES.filter((r) =>
    ['active_skin_cancer', 'open_wound_or_irritated_skin', 'active_infection', 'active_herpes_outbreak', 'warts', 'active_inflammatory_acne', 'pregnancy', 'bleeding_disorder', 'collagen_vascular_disease'].includes(r.code),
  );

  it('covers every absolute yes/no question', () => {
    expect(absolute).toHaveLength(9);
  });

  it.each(absolute.map((r) => [r.field, r.code] as const))('%s blocks with %s for both procedures', (field, code) => {
    for (const procedure of ['cosmetic', 'medical'] as const) {
      const result = screen({ [field]: true }, { procedure });
      expect(result.eligible).toBe(false);
      expect(blockerCodes(result)).toEqual([code]);
      expect(result.blockers[0].eligibleFrom).toBeUndefined();
      expect(result.eligibleFrom).toBeUndefined();
      expect(result.warnings).toEqual([]);
    }
  });

  it('uses the stable code "pregnancy" and a readable message', () => {
    expect(screen({ pregnantOrBreastfeeding: true }).blockers).toEqual([{ code: 'pregnancy', message: 'Pregnant or breastfeeding' }]);
  });

  it('blocks a nickel or stainless-steel allergy from the question or the allergy list', () => {
    expect(blockerCodes(screen({ nickelOrStainlessSteelAllergy: true }))).toEqual(['nickel_allergy']);
    expect(blockerCodes(screen({ allergies: [{ substance: 'Surgical steel', class: 'nickel' }] }))).toEqual(['nickel_allergy']);
    const inferred = screen({ allergies: [{ substance: 'Nickel' }] });
    expect(blockerCodes(inferred)).toEqual(['nickel_allergy']);
    expect(inferred.blockers[0].message).toContain('(Nickel)');
    expect(blockerCodes(screen({ nickelOrStainlessSteelAllergy: true, allergies: [{ substance: 'nickel' }] }))).toEqual(['nickel_allergy']);
  });

  it('reports several blockers in a stable order', () => {
    const result = screen({ pregnantOrBreastfeeding: true, activeSkinCancerInArea: true, bleedingDisorder: true });
    expect(blockerCodes(result)).toEqual(['active_skin_cancer', 'pregnancy', 'bleeding_disorder']);
  });
});

describe('screenPatient: isotretinoin', () => {
  it('blocks medical needling 3 months after the last dose until last dose + 6 months (domain.md example)', () => {
    const result = screen({ isotretinoinLastDoseOn: '2026-08-25' });
    expect(result).toEqual({
      eligible: false,
      blockers: [
        {
          code: 'isotretinoin_window',
          message: 'Oral isotretinoin within 6 months of the last dose (Aug 25, 2026); eligible from Feb 25, 2027',
          eligibleFrom: '2027-02-25',
        },
      ],
      warnings: [],
      eligibleFrom: '2027-02-25',
    });
  });

  it('blocks cosmetic needling as well by default', () => {
    const result = screen({ isotretinoinLastDoseOn: '2026-08-25' }, { procedure: 'cosmetic' });
    expect(blockerCodes(result)).toEqual(['isotretinoin_window']);
    expect(result.eligibleFrom).toBe('2027-02-25');
  });

  it('cannot be relaxed by an organization setting, for either procedure', () => {
    const settings = { severityByProcedure: { cosmetic: { isotretinoin_window: 'relative' as const } } };
    expect(() => screen({ isotretinoinLastDoseOn: '2026-08-25' }, { procedure: 'cosmetic', settings })).toThrow(/absolute contraindication/);
    expect(() => screen({ isotretinoinLastDoseOn: '2026-08-25' }, { procedure: 'medical', settings })).toThrow(RangeError);
  });

  it('honours a longer configured window', () => {
    const result = screen({ isotretinoinLastDoseOn: '2026-02-25' }, { settings: { windows: { isotretinoin_window: { months: 12 } } } });
    expect(result.eligibleFrom).toBe('2027-02-25');
    expect(result.blockers[0].message).toBe('Oral isotretinoin within 12 months of the last dose (Feb 25, 2026); eligible from Feb 25, 2027');
    expect(screen({ isotretinoinLastDoseOn: '2026-02-25' }).eligible).toBe(true);
  });

  it('clamps to the end of a shorter month', () => {
    expect(screen({ isotretinoinLastDoseOn: '2026-08-31' }, { onDate: '2027-02-27' }).eligibleFrom).toBe('2027-02-28');
    expect(screen({ isotretinoinLastDoseOn: '2026-08-31' }, { onDate: '2027-02-28' }).eligible).toBe(true);
  });

  it('blocks isotretinoin in the medication list without a last-dose date, with no eligible-from date', () => {
    const result = screen({ medications: ['Accutane 40 mg'] });
    expect(result.blockers).toEqual([
      { code: 'isotretinoin_current', message: expect.stringContaining('(Accutane 40 mg) with no last-dose date') },
    ]);
    expect(result.eligibleFrom).toBeUndefined();
  });

  it('trusts the last-dose date when isotretinoin is listed with one', () => {
    expect(screen({ medications: ['isotretinoin'], isotretinoinLastDoseOn: '2025-01-01' }).eligible).toBe(true);
    expect(blockerCodes(screen({ medications: ['isotretinoin'], isotretinoinLastDoseOn: '2026-11-01' }))).toEqual(['isotretinoin_window']);
  });

  it('refuses settings that would turn isotretinoin_current off with the isotretinoin rule', () => {
    expect(() => screen({ medications: ['Accutane'] }, { settings: { severity: { isotretinoin_window: 'off' } } })).toThrow(RangeError);
  });
});

describe('screenPatient: time windows at the boundaries', () => {
  const LAST = '2026-03-10';
  const cases: [MedicalHistoryDateField, string, string, string][] = [
    // field, code, day before eligible, first eligible day
    ['isotretinoinLastDoseOn', 'isotretinoin_window', '2026-09-09', '2026-09-10'],
    ['radiationToAreaLastOn', 'radiation_window', '2026-06-09', '2026-06-10'],
    ['dermalFillerInAreaLastOn', 'dermal_filler_window', '2026-09-09', '2026-09-10'],
    ['botulinumToxinLastOn', 'botulinum_toxin_window', '2026-03-23', '2026-03-24'],
    ['chemicalPeelLastOn', 'chemical_peel_window', '2026-04-08', '2026-04-09'],
    ['laserOrIplLastOn', 'laser_ipl_window', '2026-03-23', '2026-03-24'],
    ['sunburnLastOn', 'sunburn_window', '2026-03-23', '2026-03-24'],
    ['topicalRetinoidLastOn', 'topical_retinoid_window', '2026-03-16', '2026-03-17'],
    ['waxingLastOn', 'waxing_window', '2026-03-12', '2026-03-13'],
    ['scarInAreaFormedOn', 'recent_scar_window', '2026-09-09', '2026-09-10'],
  ];
  const dayAfter = (date: string) => `${date.slice(0, 8)}${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;

  it.each(cases)('%s blocks (%s) through %s and is eligible from %s', (field, code, lastBlocked, firstEligible) => {
    for (const onDate of [LAST, lastBlocked]) {
      const result = screen({ [field]: LAST }, { onDate });
      expect(result.eligible).toBe(false);
      expect(result.blockers).toEqual([{ code, message: expect.stringContaining(readable().date(LAST)), eligibleFrom: firstEligible }]);
      expect(result.blockers[0].message.endsWith(`; eligible from ${readable().date(firstEligible)}`)).toBe(true);
      expect(result.blockers[0].message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(result.eligibleFrom).toBe(firstEligible);
    }
    expect(screen({ [field]: LAST }, { onDate: firstEligible })).toEqual({ eligible: true, blockers: [], warnings: [] });
    expect(screen({ [field]: LAST }, { onDate: dayAfter(firstEligible) }).eligible).toBe(true);
  });

  it.each(cases.filter((c) => c[1] !== 'isotretinoin_window'))('%s can be switched off', (field) => {
    const code = cases.find((c) => c[0] === field)![1];
    expect(screen({ [field]: LAST }, { onDate: LAST, settings: { severity: { [code]: 'off' } } })).toEqual({ eligible: true, blockers: [], warnings: [] });
  });

  it('reads clinic-friendly messages', () => {
    expect(screen({ waxingLastOn: '2026-11-24' }).blockers[0].message).toBe('Waxing within 3 days of the last waxing (Nov 24, 2026); eligible from Nov 27, 2026');
    expect(screen({ sunburnLastOn: '2026-11-20' }).blockers[0].message).toBe('Sunburn within the last 14 days (Nov 20, 2026); eligible from Dec 4, 2026');
    expect(screen({ scarInAreaFormedOn: '2026-10-01' }).blockers[0].message).toBe('Scar in the treatment area younger than 6 months (formed Oct 1, 2026); eligible from Apr 1, 2027');
  });

  it('takes the latest window for the overall eligible-from date', () => {
    const result = screen({ waxingLastOn: '2026-11-24', botulinumToxinLastOn: '2026-11-20', chemicalPeelLastOn: '2026-11-01' });
    expect(blockerCodes(result)).toEqual(['botulinum_toxin_window', 'chemical_peel_window', 'waxing_window']);
    expect(result.blockers.map((b) => b.eligibleFrom)).toEqual(['2026-12-04', '2026-12-01', '2026-11-27']);
    expect(result.eligibleFrom).toBe('2026-12-04');
  });

  it('omits the overall eligible-from date when any blocker does not lapse by itself', () => {
    const result = screen({ waxingLastOn: '2026-11-24', pregnantOrBreastfeeding: true });
    expect(result.eligible).toBe(false);
    expect(result.blockers.find((b) => b.code === 'waxing_window')?.eligibleFrom).toBe('2026-11-27');
    expect(result.eligibleFrom).toBeUndefined();
  });

  it('keeps the eligible-from date when the only other findings are warnings', () => {
    const result = screen({ waxingLastOn: '2026-11-24', keloidHistory: true });
    expect(result.eligibleFrom).toBe('2026-11-27');
    expect(warningCodes(result)).toEqual(['keloid_history']);
  });

  it('turns a window into a warning when configured relative', () => {
    const result = screen({ waxingLastOn: '2026-11-24' }, { settings: { severity: { waxing_window: 'relative' } } });
    expect(result).toEqual({
      eligible: true,
      blockers: [],
      warnings: [{ code: 'waxing_window', message: 'Waxing within 3 days of the last waxing (Nov 24, 2026); eligible from Nov 27, 2026' }],
    });
  });

  it('uses configured window lengths', () => {
    const settings = { windows: { botulinum_toxin_window: { days: 28 }, waxing_window: { days: 1 } } };
    expect(screen({ botulinumToxinLastOn: '2026-11-01' }, { settings }).eligibleFrom).toBe('2026-11-29');
    expect(screen({ waxingLastOn: '2026-11-24' }, { settings }).eligible).toBe(true);
  });

  it('blocks an exposure dated after the treatment date (conservative)', () => {
    expect(screen({ sunburnLastOn: '2026-12-01' }).eligibleFrom).toBe('2026-12-15');
  });

  it('blocks on a malformed exposure date whatever the settings', () => {
    const result = screen({ waxingLastOn: '2026-02-30' }, { settings: { severity: { waxing_window: 'off' } } });
    expect(result.blockers).toEqual([{ code: 'invalid_history_date', message: expect.stringContaining('"2026-02-30" is not a valid') }]);
    expect(result.eligibleFrom).toBeUndefined();
  });

  it('ignores empty exposure dates', () => {
    expect(screen({ waxingLastOn: '' }).eligible).toBe(true);
  });
});

describe('screenPatient: relative contraindications', () => {
  it('warns but does not block for a keloid-only history', () => {
    const result = screen({ keloidHistory: true });
    expect(result.eligible).toBe(true);
    expect(result.blockers).toEqual([]);
    expect(result.warnings).toEqual([{ code: 'keloid_history', message: expect.stringContaining('keloid') }]);
    expect(result.eligibleFrom).toBeUndefined();
  });

  it.each([
    ['keloidHistory', 'keloid_history'],
    ['eczemaPsoriasisOrRosaceaInArea', 'eczema_psoriasis_or_rosacea'],
    ['uncontrolledDiabetes', 'uncontrolled_diabetes'],
    ['anticoagulantsOrAntiplatelets', 'anticoagulants'],
    ['immunosuppressed', 'immunosuppression'],
    ['herpesSimplexHistory', 'herpes_simplex_history'],
  ] as const)('%s warns with %s', (field, code) => {
    const result = screen({ [field]: true });
    expect(result.eligible).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual([code]);
  });

  it('escalates a relative rule to a blocker when configured absolute', () => {
    const result = screen({ keloidHistory: true }, { settings: { severity: { keloid_history: 'absolute' } } });
    expect(blockerCodes(result)).toEqual(['keloid_history']);
    expect(result.warnings).toEqual([]);
  });

  it('silences a rule configured off', () => {
    expect(screen({ keloidHistory: true }, { settings: { severity: { keloid_history: 'off' } } })).toEqual({ eligible: true, blockers: [], warnings: [] });
  });

  it('never lets a setting lower an absolute contraindication', () => {
    expect(() => screen({ pregnantOrBreastfeeding: true }, { settings: { severity: { pregnancy: 'off' } } })).toThrow(/pregnancy is an absolute contraindication/);
    expect(screen({ pregnantOrBreastfeeding: true }, { settings: { severity: { pregnancy: 'absolute' } } }).eligible).toBe(false);
  });

  it('finds anticoagulants in the medication list', () => {
    const result = screen({ medications: ['Warfarin 5 mg', 'Vitamin D'] });
    expect(result.warnings).toEqual([{ code: 'anticoagulants', message: 'Takes anticoagulants or antiplatelets (Warfarin 5 mg): higher bleeding and bruising risk' }]);
    expect(warningCodes(screen({ medications: ['aspirin'], anticoagulantsOrAntiplatelets: true }))).toEqual(['anticoagulants']);
    expect(warningCodes(screen({ medications: ['Vitamin D'] }))).toEqual([]);
  });

  it('uses configured medication names', () => {
    expect(warningCodes(screen({ medications: ['aspirin'] }, { settings: { anticoagulantMedicationNames: ['warfarin'] } }))).toEqual([]);
  });

  it('asks for antiviral prophylaxis 2 days before and on the day for herpes simplex history', () => {
    expect(screen({ herpesSimplexHistory: true }).warnings[0].message).toBe(
      'History of herpes simplex: antiviral prophylaxis 2 days before (from Nov 23, 2026) and on the treatment day (Nov 25, 2026)',
    );
    expect(screen({ herpesSimplexHistory: true }, { settings: { antiviralProphylaxisDaysBefore: 1 } }).warnings[0].message).toContain('1 day before (from Nov 24, 2026)');
    expect(screen({ herpesSimplexHistory: true }, { settings: { antiviralProphylaxisDaysBefore: 0 } }).warnings[0].message).toBe(
      'History of herpes simplex: antiviral prophylaxis on the treatment day (Nov 25, 2026)',
    );
  });

  it('blocks an active outbreak and still warns about prophylaxis', () => {
    const result = screen({ activeHerpesOutbreak: true, herpesSimplexHistory: true });
    expect(blockerCodes(result)).toEqual(['active_herpes_outbreak']);
    expect(warningCodes(result)).toEqual(['herpes_simplex_history']);
  });
});

describe('screenPatient: phototype', () => {
  it.each([1, 2, 3, 4] as const)('does not warn for phototype %p', (fitzpatrickType) => {
    expect(screen({}, { fitzpatrickType }).warnings).toEqual([]);
  });

  it.each([
    [5, 'V'],
    [6, 'VI'],
  ] as const)('warns about PIH for phototype %p', (fitzpatrickType, roman) => {
    const result = screen({}, { fitzpatrickType });
    expect(result.eligible).toBe(true);
    expect(result.warnings).toEqual([
      { code: 'dark_phototype', message: `Fitzpatrick phototype ${roman}: higher risk of post-inflammatory hyperpigmentation` },
    ]);
  });

  it('uses the configured phototype threshold', () => {
    expect(warningCodes(screen({}, { fitzpatrickType: 4, settings: { pihRiskMinFitzpatrickType: 4 } }))).toEqual(['dark_phototype']);
  });

  it('warns when the phototype is not recorded or invalid', () => {
    expect(warningCodes(screen({}, { fitzpatrickType: undefined }))).toEqual(['phototype_unknown']);
    expect(warningCodes(screen({}, { fitzpatrickType: 7 as never }))).toEqual(['phototype_unknown']);
    expect(warningCodes(screen({}, { fitzpatrickType: undefined, settings: { severity: { phototype_unknown: 'off' } } }))).toEqual([]);
  });
});

describe('screenPatient: allergies and notes', () => {
  it('writes the dates and words of the clinic’s English variant', () => {
    const gb = screen({ waxingLastOn: '2026-11-24', allergies: [{ substance: 'Lidocaine' }] }, { locale: 'en-GB' });
    expect(gb.blockers[0].message).toBe('Waxing within 3 days of the last waxing (24 Nov 2026); eligible from 27 Nov 2026');
    expect(gb.warnings[0].message).toContain('amide local anaesthetic (Lidocaine)');
  });

  it('warns about anaesthetic allergies by class', () => {
    const result = screen({ allergies: [{ substance: 'Lidocaine' }, { substance: 'Benzocaine', class: 'ester_anesthetic' }] });
    expect(result.eligible).toBe(true);
    expect(result.warnings).toEqual([
      { code: 'amide_anesthetic_allergy', message: expect.stringContaining('amide local anesthetic (Lidocaine)') },
      { code: 'ester_anesthetic_allergy', message: expect.stringContaining('ester local anesthetic (Benzocaine)') },
    ]);
  });

  it('warns about latex and other allergies', () => {
    const result = screen({ allergies: [{ substance: 'Latex' }, { substance: 'Penicillin' }, { substance: 'Vitamin C serum', class: 'other' }] });
    expect(result.warnings).toEqual([
      { code: 'latex_allergy', message: 'Latex allergy (Latex): use latex-free gloves and supplies' },
      { code: 'other_allergy', message: 'Other allergies recorded (Penicillin, Vitamin C serum): check every topical product and serum used' },
    ]);
  });

  it('asks the practitioner to read free-text notes, shortening long ones', () => {
    expect(screen({ freeText: '   ' }).warnings).toEqual([]);
    expect(screen({ freeText: 'Had a cold sore last year' }).warnings).toEqual([
      { code: 'free_text_present', message: 'Review the patient\'s notes in the medical history: "Had a cold sore last year"' },
    ]);
    expect(screen({ freeText: 'x'.repeat(300) }).warnings[0].message).toContain(`${'x'.repeat(117)}..."`);
  });
});
