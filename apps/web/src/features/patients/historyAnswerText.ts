import { classifyAllergy, type MedicalHistoryAnswers, type MedicalHistoryFieldInfo } from '@skinledger/domain';
import { formatCalendarDate } from '@web/lib/time/formatCalendarDate';
import { isBooleanField, isDateField } from './historySections';
import { ALLERGY_CLASS_LABELS } from './patientVocabulary';

/** Whether an answer reports something (yes, a date, a listed item, a note), as opposed to no / never / none. */
export function isReported(info: MedicalHistoryFieldInfo, answers: MedicalHistoryAnswers): boolean {
  if (isBooleanField(info)) return answers[info.field] === true;
  if (isDateField(info)) return Boolean(answers[info.field]);
  if (info.input === 'text_list') return answers.medications.length > 0;
  if (info.input === 'allergy_list') return answers.allergies.length > 0;
  return answers.freeText.trim().length > 0;
}

/** An answer for reading: "Yes", "No", "Aug 25, 2026", "Never", "aspirin 81 mg, ...", "None". */
export function answerText(info: MedicalHistoryFieldInfo, answers: MedicalHistoryAnswers): string {
  if (isBooleanField(info)) return answers[info.field] ? 'Yes' : 'No';
  if (isDateField(info)) {
    const date = answers[info.field];
    return date ? formatCalendarDate(date) : 'Never';
  }
  if (info.input === 'text_list') return answers.medications.length > 0 ? answers.medications.join(', ') : 'None';
  if (info.input === 'allergy_list') {
    if (answers.allergies.length === 0) return 'None';
    return answers.allergies.map((a) => `${a.substance} (${ALLERGY_CLASS_LABELS[classifyAllergy(a)].toLowerCase()})`).join(', ');
  }
  return answers.freeText.trim() || '—';
}
