import { isoDateInTimeZone } from '@skinledger/domain';
import { useState, type FormEvent } from 'react';
import { ApiProblem, formsApi, type HistoryRecorded, type PreVisitForms, type PreVisitQuestion } from './api';
import {
  ALLERGY_CLASS_OPTIONS,
  ALLERGY_CLASS_WORDS,
  draftFrom,
  emptyAllergy,
  groupQuestions,
  PARTIAL_DATE,
  problemsFromApi,
  SECTION_TEXT,
  toAnswers,
  validateHistory,
  withSubstance,
  type HistoryDraft,
  type HistoryProblem,
  type YesNo,
} from './historyForm';
import { plainWords } from './problems';
import { dayKey, formatDay } from './time';
import { ErrorRegion, ErrorSummary, StepHeading } from './ui';

interface HistoryViewProps {
  token: string;
  history: PreVisitForms['medicalHistory'];
  timeZone: string;
  onSaved: (recorded: HistoryRecorded) => void;
  onBack: () => void;
}

/**
 * "Fill in your medical history" (issue 16, before the visit): the questionnaire from the API's questions, grouped by
 * section, one fieldset a yes/no question. Problems are listed above the form with links to their fields; saving
 * records a new version (source patient) and shows the screening's outcome in the API's plain words.
 */
export function HistoryView({ token, history, timeZone, onSaved, onBack }: HistoryViewProps) {
  const questions = history.questions;
  const [draft, setDraft] = useState<HistoryDraft>(() => draftFrom(questions, history.yourLastAnswers?.answers ?? null));
  const [problems, setProblems] = useState<HistoryProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<HistoryRecorded | null>(null);
  const today = isoDateInTimeZone(new Date(), timeZone);

  const update = (change: Partial<HistoryDraft>) => setDraft((d) => ({ ...d, ...change }));
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    const found = validateHistory(questions, draft, today);
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await formsApi.recordHistory(token, toAnswers(questions, draft));
      setRecorded(saved);
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      const onFields = e.code === 'validation' ? problemsFromApi(questions, e.problem.errors ?? []) : [];
      if (onFields.length > 0) {
        setProblems(onFields);
        setAttempt((n) => n + 1);
      } else setError(plainWords(e));
    } finally {
      setBusy(false);
    }
  };

  if (recorded) {
    return (
      <section aria-labelledby="step-heading">
        <StepHeading focusKey="saved" describedBy="outcome">
          Medical history saved
        </StepHeading>
        <p id="outcome" className={`notice ${recorded.treatmentMustWait ? 'wait' : 'ok'}`}>{recorded.message}</p>
        <button type="button" className="button wide" onClick={onBack}>
          Back to my appointment
        </button>
      </section>
    );
  }

  const label = (q: PreVisitQuestion) => q.label;
  const summary = problems.map((p) => ({ inputId: p.inputId, text: `${questions.find((q) => q.field === p.field)?.label ?? p.field}: ${p.message}` }));

  return (
    <section aria-labelledby="step-heading">
      <StepHeading>Your medical history</StepHeading>
      <p>Please answer every question about the area to be treated, as things are today. The clinic reads your answers before your visit.</p>
      {history.yourLastAnswers ? (
        <p className="muted">
          Filled in with the answers you gave on {formatDay(dayKey(history.yourLastAnswers.recordedAt, timeZone))}. Check each one: saving keeps your earlier answers too.
        </p>
      ) : history.onFile ? (
        <p className="muted">The clinic has a medical history for you already: please answer again as things are now.</p>
      ) : null}
      <ErrorSummary items={summary} focusKey={problems.length > 0 ? attempt : 0} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="step-heading">
        {groupQuestions(questions).map(({ section, questions: asked }) => (
          <fieldset className="section" key={section} aria-describedby={`section-${section}-intro`}>
            <legend>
              <h2>{SECTION_TEXT[section].title}</h2>
            </legend>
            <p className="muted" id={`section-${section}-intro`}>
              {SECTION_TEXT[section].intro}
            </p>
            {asked.map((q) => (
              <Question key={q.field} question={q} label={label(q)} draft={draft} today={today} error={problemOf(q.field)} onChange={update} />
            ))}
          </fieldset>
        ))}
        <ErrorRegion message={error} />
        <div className="actions">
          <button type="submit" className="button wide" disabled={busy}>
            Save my medical history
          </button>
        </div>
      </form>
      <button type="button" className="link-button" onClick={onBack}>
        Back to my appointment without saving
      </button>
    </section>
  );
}

interface QuestionProps {
  question: PreVisitQuestion;
  label: string;
  draft: HistoryDraft;
  today: string;
  error?: string;
  onChange: (change: Partial<HistoryDraft>) => void;
}

/** One question, asked the way its input kind calls for, its hint and error tied to it. */
function Question({ question: q, label, draft, today, error, onChange }: QuestionProps) {
  const id = `q-${q.field}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const errorText = error ? (
    <span className="error" id={errorId}>
      {error}
    </span>
  ) : null;
  const describedBy = (hint: boolean) => [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;

  if (q.input === 'boolean') {
    const value = draft.yesNo[q.field] ?? '';
    const set = (answer: YesNo) => onChange({ yesNo: { ...draft.yesNo, [q.field]: answer } });
    return (
      <fieldset className="question" aria-describedby={describedBy(false)} aria-invalid={error ? true : undefined}>
        <legend>{label}</legend>
        <div className="yes-no">
          <label>
            <input type="radio" id={`${id}-yes`} name={q.field} value="yes" checked={value === 'yes'} onChange={() => set('yes')} />
            Yes
          </label>
          <label>
            <input type="radio" id={`${id}-no`} name={q.field} value="no" checked={value === 'no'} onChange={() => set('no')} />
            No
          </label>
        </div>
        {errorText}
      </fieldset>
    );
  }
  if (q.input === 'date') {
    const value = draft.dates[q.field] ?? '';
    return (
      <div className="field question-field">
        <label htmlFor={id}>{label}</label>
        {q.help && (
          <span className="hint" id={hintId}>
            {q.help}
          </span>
        )}
        <input
          id={id}
          type="date"
          min="1900-01-01"
          max={today}
          value={value === PARTIAL_DATE ? '' : value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(!!q.help)}
          // A date typed in part reads as '' in the browser: kept apart from "never" (empty) so it is not lost silently.
          onChange={(e) => onChange({ dates: { ...draft.dates, [q.field]: e.currentTarget.validity.badInput ? PARTIAL_DATE : e.currentTarget.value } })}
          onBlur={(e) => e.currentTarget.validity.badInput && onChange({ dates: { ...draft.dates, [q.field]: PARTIAL_DATE } })}
        />
        {errorText}
      </div>
    );
  }
  if (q.input === 'text_list') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <span className="hint" id={hintId}>
          One a line, with the dose if you know it. Leave empty if you take none.
        </span>
        <textarea id={id} rows={3} value={draft.medications} aria-invalid={error ? true : undefined} aria-describedby={describedBy(true)} onChange={(e) => onChange({ medications: e.currentTarget.value })} />
        {errorText}
      </div>
    );
  }
  if (q.input === 'allergy_list') {
    const rows = draft.allergies.length > 0 ? draft.allergies : [emptyAllergy()];
    const setRow = (index: number, row: (typeof rows)[number]) => onChange({ allergies: rows.map((r, i) => (i === index ? row : r)) });
    return (
      <fieldset className="question" aria-describedby={describedBy(true)}>
        <legend>Allergies</legend>
        <span className="hint muted" id={hintId}>
          What you are allergic to, and what kind of thing it is. Leave empty if none.
        </span>
        {rows.map((row, index) => (
          <fieldset className="allergy" key={index}>
            <legend>Allergy {index + 1}</legend>
            <div className="field">
              <label htmlFor={`q-allergies-${index}-substance`}>What you are allergic to</label>
              <input id={`q-allergies-${index}-substance`} value={row.substance} maxLength={120} onChange={(e) => setRow(index, withSubstance(row, e.currentTarget.value))} />
            </div>
            <div className="field">
              <label htmlFor={`q-allergies-${index}-class`}>What kind of thing it is</label>
              <select id={`q-allergies-${index}-class`} value={row.allergyClass} onChange={(e) => setRow(index, { ...row, allergyClass: e.currentTarget.value as typeof row.allergyClass, classChosen: true })}>
                {ALLERGY_CLASS_OPTIONS.map((c) => (
                  <option key={c} value={c}>
                    {ALLERGY_CLASS_WORDS[c]}
                  </option>
                ))}
              </select>
            </div>
            {rows.length > 1 && (
              <button type="button" className="link-button" onClick={() => onChange({ allergies: rows.filter((_, i) => i !== index) })}>
                Remove allergy {index + 1}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={() => onChange({ allergies: [...rows, emptyAllergy()] })}>
          Add another allergy
        </button>
        {errorText}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={hintId}>
        Anything else about your health the clinic should know: conditions, surgery, reactions to earlier treatments.
      </span>
      <textarea id={id} rows={4} maxLength={10000} value={draft.freeText} aria-invalid={error ? true : undefined} aria-describedby={describedBy(true)} onChange={(e) => onChange({ freeText: e.currentTarget.value })} />
      {errorText}
    </div>
  );
}
