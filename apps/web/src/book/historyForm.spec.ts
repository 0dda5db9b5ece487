import { MEDICAL_HISTORY_FIELDS } from '@skinledger/domain';
import type { PreVisitQuestion } from './api';
import { draftFrom, groupQuestions, PARTIAL_DATE, problemsFromApi, toAnswers, validateHistory, withSubstance, emptyAllergy, type HistoryDraft } from './historyForm';

// The questions as the API sends them (GET …/forms maps libs/domain MEDICAL_HISTORY_FIELDS one to one).
const QUESTIONS: PreVisitQuestion[] = MEDICAL_HISTORY_FIELDS.map((f) => ({ field: f.field, label: f.label, section: f.section, input: f.input, ...(f.help ? { help: f.help } : {}) }));
const TODAY = '2026-12-07';

function allNo(): HistoryDraft {
  const draft = draftFrom(QUESTIONS, null);
  for (const q of QUESTIONS) if (q.input === 'boolean') draft.yesNo[q.field] = 'no';
  return draft;
}

describe('the booking pages’ medical-history form', () => {
  it('groups the API’s questions by section in form order, every question once', () => {
    const groups = groupQuestions(QUESTIONS);
    expect(groups.map((g) => g.section)).toEqual(['absolute', 'relative', 'time_window', 'other']);
    expect(groups.flatMap((g) => g.questions.map((q) => q.field))).toEqual(QUESTIONS.map((q) => q.field));
  });

  it('asks every yes/no question afresh: an unanswered one is an error, never a "no"', () => {
    const problems = validateHistory(QUESTIONS, draftFrom(QUESTIONS, null), TODAY);
    const booleans = QUESTIONS.filter((q) => q.input === 'boolean');
    expect(problems).toHaveLength(booleans.length);
    expect(problems[0]).toEqual({ field: 'activeSkinCancerInArea', inputId: 'q-activeSkinCancerInArea-yes', message: 'Answer yes or no' });
    expect(validateHistory(QUESTIONS, allNo(), TODAY)).toEqual([]);
  });

  it('checks dates as the staff form does: whole, not in the future, from 1900', () => {
    const draft = allNo();
    draft.dates.isotretinoinLastDoseOn = '2026-12-08';
    draft.dates.botulinumToxinLastOn = PARTIAL_DATE;
    draft.dates.chemicalPeelLastOn = '1899-12-31';
    draft.dates.sunburnLastOn = TODAY;
    expect(validateHistory(QUESTIONS, draft, TODAY)).toEqual([
      { field: 'isotretinoinLastDoseOn', inputId: 'q-isotretinoinLastDoseOn', message: 'This date is in the future: enter the last time it happened' },
      { field: 'botulinumToxinLastOn', inputId: 'q-botulinumToxinLastOn', message: 'Enter a whole date, or leave it empty if never' },
      { field: 'chemicalPeelLastOn', inputId: 'q-chemicalPeelLastOn', message: 'Enter a date from 1900 on' },
    ]);
  });

  it('keeps list entries within the API’s lengths', () => {
    const draft = allNo();
    draft.medications = `aspirin\n${'x'.repeat(201)}`;
    draft.allergies = [{ substance: 'y'.repeat(101), allergyClass: 'other', classChosen: false }];
    expect(validateHistory(QUESTIONS, draft, TODAY).map((p) => p.inputId)).toEqual(['q-medications', 'q-allergies-0-substance']);
  });

  it('sends every answer: yes/no as booleans, empty dates as null (never), lists trimmed', () => {
    const draft = allNo();
    draft.yesNo.keloidHistory = 'yes';
    draft.dates.isotretinoinLastDoseOn = '2026-10-01';
    draft.medications = ' aspirin 81 mg \n\n metformin ';
    draft.allergies = [withSubstance(emptyAllergy(), 'Lidocaine'), emptyAllergy()];
    draft.freeText = '  none  ';
    const body = toAnswers(QUESTIONS, draft) as unknown as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(QUESTIONS.map((q) => q.field).sort());
    expect(body).toMatchObject({
      keloidHistory: true,
      activeSkinCancerInArea: false,
      isotretinoinLastDoseOn: '2026-10-01',
      botulinumToxinLastOn: null,
      medications: ['aspirin 81 mg', 'metformin'],
      allergies: [{ substance: 'Lidocaine', class: 'amide_anesthetic' }],
      freeText: 'none',
    });
  });

  it('starts from her last answers', () => {
    const draft = allNo();
    draft.yesNo.pregnantOrBreastfeeding = 'yes';
    draft.dates.waxingLastOn = '2026-11-01';
    draft.medications = 'aspirin';
    const again = draftFrom(QUESTIONS, toAnswers(QUESTIONS, draft));
    expect(again.yesNo.pregnantOrBreastfeeding).toBe('yes');
    expect(again.yesNo.wartsInArea).toBe('no');
    expect(again.dates.waxingLastOn).toBe('2026-11-01');
    expect(again.dates.sunburnLastOn).toBe('');
    expect(again.medications).toBe('aspirin');
  });

  it('puts the API’s field errors on the inputs, a future date in plain words', () => {
    expect(
      problemsFromApi(QUESTIONS, [
        { field: 'sunburnLastOn', message: 'sunburnLastOn is after today (2026-12-07); a date of the past is asked' },
        { field: 'allergies[1].substance', message: 'substance must be 1 to 100 characters' },
        { field: 'medications[0]', message: 'each entry of medications must be 1 to 200 characters' },
        { field: 'unknown', message: 'ignored' },
      ]),
    ).toEqual([
      { field: 'sunburnLastOn', inputId: 'q-sunburnLastOn', message: 'This date is in the future: enter the last time it happened' },
      { field: 'allergies', inputId: 'q-allergies-1-substance', message: 'substance must be 1 to 100 characters' },
      { field: 'medications', inputId: 'q-medications', message: 'each entry of medications must be 1 to 200 characters' },
    ]);
  });
});
