import type { IsoDate } from '../dates';
import type { MedicalHistoryAnswers, MedicalHistoryDateField } from './answers';
import { MEDICAL_HISTORY_FIELDS } from './fields';

/**
 * Last-exposure dates that lie after the day the history is recorded: an exposure cannot have happened yet, so
 * such a date is a typo (2099 for 2019) that would block the patient for decades.
 */
export function exposureDatesInTheFuture(answers: MedicalHistoryAnswers, recordedOn: IsoDate): MedicalHistoryDateField[] {
  return MEDICAL_HISTORY_FIELDS.filter((f) => f.input === 'date')
    .map((f) => f.field as MedicalHistoryDateField)
    .filter((field) => {
      const value = answers[field];
      return typeof value === 'string' && value > recordedOn;
    });
}
