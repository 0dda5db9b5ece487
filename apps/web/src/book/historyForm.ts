import { ALLERGY_CLASSES, classifyAllergy, isIsoDate, type AllergyClass } from '@skinledger/domain';
import type { HistoryAnswers, PreVisitQuestion } from './api';

// The medical-history questionnaire of the booking pages, built from the questions the API sends (libs/domain
// MEDICAL_HISTORY_FIELDS, the staff form's own list), never from a copy: a question added there appears here.
// The rules are the staff form's (apps/web/src/features/patients/historyDraft.ts validateHistory, and the API's
// MedicalHistoryAnswersDto lengths), plus one for a patient alone at home: every yes/no question needs an answer,
// since no one goes through the form with her and an unanswered question must never be read as "no".

export type YesNo = 'yes' | 'no' | '';

/** A date the browser could not read (typed in part): kept apart from '' (never). */
export const PARTIAL_DATE = 'partial';

export interface AllergyRow {
  substance: string;
  allergyClass: AllergyClass;
  /** She picked the kind herself; until then it follows the substance (lidocaine: numbing of the amide kind). */
  classChosen: boolean;
}

export interface HistoryDraft {
  yesNo: Record<string, YesNo>;
  /** YYYY-MM-DD, '' for never, or PARTIAL_DATE. */
  dates: Record<string, string>;
  /** One medication a line. */
  medications: string;
  allergies: AllergyRow[];
  freeText: string;
}

export interface HistoryProblem {
  field: string;
  /** The id of the input to move to from the error summary. */
  inputId: string;
  message: string;
}

export type SectionName = 'absolute' | 'relative' | 'time_window' | 'other';

/** The sections in the patient's words (domain.md section 4's groups), in form order. */
export const SECTION_TEXT: Record<SectionName, { title: string; intro: string }> = {
  absolute: {
    title: 'Conditions that mean needling has to wait',
    intro: 'Does any of these apply to you now? If one does, the treatment waits until it has cleared.',
  },
  relative: {
    title: 'Conditions your practitioner needs to know about',
    intro: 'These do not rule treatment out, but your practitioner will talk them through with you first.',
  },
  time_window: {
    title: 'Recent treatments and exposures',
    intro: 'Some treatments need a pause before needling. Enter the date of the last time; leave it empty if never.',
  },
  other: {
    title: 'Medications, allergies and anything else',
    intro: 'What you take now, what you are allergic to, and anything else the clinic should know.',
  },
};

const SECTION_ORDER: readonly SectionName[] = ['absolute', 'relative', 'time_window', 'other'];

/** The questions grouped by section, in form order; a section the API does not know goes last, under "other". */
export function groupQuestions(questions: readonly PreVisitQuestion[]): { section: SectionName; questions: PreVisitQuestion[] }[] {
  const known = (s: string): SectionName => (SECTION_ORDER.includes(s as SectionName) ? (s as SectionName) : 'other');
  return SECTION_ORDER.map((section) => ({ section, questions: questions.filter((q) => known(q.section) === section) })).filter((g) => g.questions.length > 0);
}

/** The allergy kinds in plain words. */
export const ALLERGY_CLASS_WORDS: Record<AllergyClass, string> = {
  amide_anesthetic: 'Numbing medicine, amide kind (e.g. lidocaine)',
  ester_anesthetic: 'Numbing medicine, ester kind (e.g. benzocaine)',
  nickel: 'Nickel',
  latex: 'Latex',
  other: 'Something else',
};
export const ALLERGY_CLASS_OPTIONS: readonly AllergyClass[] = ALLERGY_CLASSES;

/** The id of a question's first input (where the error summary's link leads). */
export function inputId(question: Pick<PreVisitQuestion, 'field' | 'input'>): string {
  if (question.input === 'boolean') return `q-${question.field}-yes`;
  if (question.input === 'allergy_list') return 'q-allergies-0-substance';
  return `q-${question.field}`;
}

/** Starts from the answers she last gave through her link, or blank (yes/no unanswered). */
export function draftFrom(questions: readonly PreVisitQuestion[], last: HistoryAnswers | null): HistoryDraft {
  const answers = (last ?? {}) as unknown as Record<string, unknown>;
  const draft: HistoryDraft = { yesNo: {}, dates: {}, medications: '', allergies: [], freeText: '' };
  for (const q of questions) {
    const value = answers[q.field];
    if (q.input === 'boolean') draft.yesNo[q.field] = value === true ? 'yes' : value === false ? 'no' : '';
    else if (q.input === 'date') draft.dates[q.field] = typeof value === 'string' ? value : '';
    else if (q.input === 'text_list') draft.medications = Array.isArray(value) ? value.join('\n') : '';
    else if (q.input === 'allergy_list')
      draft.allergies = Array.isArray(value)
        ? (value as { substance: string; class?: AllergyClass }[]).map((a) => ({ substance: a.substance, allergyClass: classifyAllergy(a), classChosen: true }))
        : [];
    else if (q.input === 'text') draft.freeText = typeof value === 'string' ? value : '';
  }
  return draft;
}

/** A new substance re-infers the kind unless she chose one. */
export function withSubstance(row: AllergyRow, substance: string): AllergyRow {
  return { ...row, substance, allergyClass: row.classChosen ? row.allergyClass : classifyAllergy({ substance }) };
}

export const emptyAllergy = (): AllergyRow => ({ substance: '', allergyClass: 'other', classChosen: false });

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Every problem, in form order (the error summary lists them so). `today` is the clinic's date (YYYY-MM-DD). */
export function validateHistory(questions: readonly PreVisitQuestion[], draft: HistoryDraft, today: string): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const add = (q: PreVisitQuestion, message: string, id = inputId(q)) => problems.push({ field: q.field, inputId: id, message });
  for (const q of questions) {
    if (q.input === 'boolean' && !draft.yesNo[q.field]) add(q, 'Answer yes or no');
    if (q.input === 'date') {
      const date = draft.dates[q.field] ?? '';
      if (!date) continue;
      if (date === PARTIAL_DATE || !isIsoDate(date)) add(q, 'Enter a whole date, or leave it empty if never');
      else if (date > today) add(q, 'This date is in the future: enter the last time it happened');
      else if (date < '1900-01-01') add(q, 'Enter a date from 1900 on');
    }
    if (q.input === 'text_list') {
      const list = lines(draft.medications);
      if (list.some((m) => m.length > 200)) add(q, 'Write each medication in at most 200 characters');
      else if (list.length > 100) add(q, 'List at most 100 medications');
    }
    if (q.input === 'allergy_list') {
      const rows = draft.allergies.filter((a) => a.substance.trim());
      const long = draft.allergies.findIndex((a) => a.substance.trim().length > 100);
      if (long >= 0) add(q, 'Write the allergy in at most 100 characters', `q-allergies-${long}-substance`);
      else if (rows.length > 50) add(q, 'List at most 50 allergies');
    }
    if (q.input === 'text' && draft.freeText.length > 10000) add(q, 'Write at most 10,000 characters');
  }
  return problems;
}

/** Every answer, as the API requires them (PUT …/medical-history: a missing question is refused). */
export function toAnswers(questions: readonly PreVisitQuestion[], draft: HistoryDraft): HistoryAnswers {
  const body: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.input === 'boolean') body[q.field] = draft.yesNo[q.field] === 'yes';
    else if (q.input === 'date') body[q.field] = draft.dates[q.field] || null;
    else if (q.input === 'text_list') body[q.field] = lines(draft.medications);
    else if (q.input === 'allergy_list')
      body[q.field] = draft.allergies.filter((a) => a.substance.trim()).map((a) => ({ substance: a.substance.trim(), class: a.allergyClass }));
    else if (q.input === 'text') body[q.field] = draft.freeText.trim();
  }
  return body as unknown as HistoryAnswers;
}

/**
 * The API's validation errors ("isotretinoinLastDoseOn", "allergies[0].substance", "medications[2]") as problems on
 * the form's inputs, in the patient's words where the API's are technical.
 */
export function problemsFromApi(questions: readonly PreVisitQuestion[], errors: readonly { field: string; message: string }[]): HistoryProblem[] {
  const out: HistoryProblem[] = [];
  for (const e of errors) {
    const allergy = /^allergies\[(\d+)\]/.exec(e.field);
    const field = allergy ? 'allergies' : e.field.replace(/\[\d+\]$/, '');
    const q = questions.find((x) => x.field === field);
    if (!q) continue;
    const future = /after today/.test(e.message);
    out.push({
      field,
      inputId: allergy ? `q-allergies-${allergy[1]}-substance` : inputId(q),
      message: future ? 'This date is in the future: enter the last time it happened' : e.message,
    });
  }
  return out;
}
