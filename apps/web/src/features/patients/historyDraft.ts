import type { Schemas } from '@skinledger/api-client';
import {
  emptyMedicalHistory,
  isIsoDate,
  type MedicalHistoryAnswers,
  type MedicalHistoryBooleanField,
  type MedicalHistoryDateField,
} from '@skinledger/domain';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { draftsFromAllergies, isAllergyField, toAllergies, type AllergyDraft } from './allergyDrafts';
import { BOOLEAN_FIELDS, DATE_FIELDS } from './historySections';

/** The medical-history form: yes/no answers, last-exposure dates ('' = never), lists and notes. */
export interface HistoryFormValues {
  answers: Record<MedicalHistoryBooleanField, boolean>;
  dates: Record<MedicalHistoryDateField, string>;
  medications: string[];
  allergies: AllergyDraft[];
  freeText: string;
}

/** Starts from a recorded version (to review and update it) or from a blank questionnaire. */
export function historyValuesFrom(answers: MedicalHistoryAnswers | null): HistoryFormValues {
  const source = answers ?? emptyMedicalHistory();
  return {
    answers: Object.fromEntries(BOOLEAN_FIELDS.map(({ field }) => [field, source[field] === true])) as Record<MedicalHistoryBooleanField, boolean>,
    dates: Object.fromEntries(DATE_FIELDS.map(({ field }) => [field, source[field] ?? ''])) as Record<MedicalHistoryDateField, string>,
    medications: [...(source.medications ?? [])],
    allergies: draftsFromAllergies(source.allergies ?? []),
    freeText: source.freeText ?? '',
  };
}

export function validateHistory(v: HistoryFormValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field } of DATE_FIELDS) {
    const date = v.dates[field];
    if (!date) continue;
    if (!isIsoDate(date)) errors[field] = 'Enter a whole date, or leave it empty';
    else if (date > today) errors[field] = 'This date is in the future';
    else if (date < '1900-01-01') errors[field] = 'Enter a date from 1900 on';
  }
  return errors;
}

/** Every answer, as the API requires them (a forgotten question is refused, never read as "no"). */
export function toHistoryBody(v: HistoryFormValues): Schemas['MedicalHistoryAnswersDto'] {
  const dates = Object.fromEntries(DATE_FIELDS.map(({ field }) => [field, v.dates[field] || null])) as Record<MedicalHistoryDateField, string | null>;
  return {
    ...v.answers,
    ...dates,
    medications: v.medications.map((m) => m.trim()).filter(Boolean),
    allergies: toAllergies(v.allergies),
    freeText: v.freeText.trim(),
  };
}

/** API field paths ("isotretinoinLastDoseOn", "allergies[0].substance", "medications[2]") to form fields. */
export function mapHistoryField(apiField: string): string | undefined {
  if (isAllergyField(apiField)) return apiField;
  if (/^medications(\[\d+\])?$/.test(apiField)) return 'medications';
  if (apiField === 'freeText') return 'freeText';
  const known = [...BOOLEAN_FIELDS, ...DATE_FIELDS].some((f) => f.field === apiField);
  return known ? apiField : undefined;
}
