import {
  MEDICAL_HISTORY_FIELDS,
  type MedicalHistoryBooleanField,
  type MedicalHistoryDateField,
  type MedicalHistoryFieldInfo,
  type MedicalHistorySection,
} from '@skinledger/domain';

export interface HistorySectionInfo {
  section: MedicalHistorySection;
  /** Plain language for the patient filling the form in. */
  title: string;
  intro: string;
  fields: readonly MedicalHistoryFieldInfo[];
}

const SECTION_TEXT: Record<MedicalHistorySection, { title: string; intro: string }> = {
  absolute: {
    title: 'Conditions that mean needling has to wait',
    intro: 'If any of these applies to you now, needling cannot go ahead until it has cleared.',
  },
  relative: {
    title: 'Conditions your practitioner needs to know about',
    intro: 'These do not rule treatment out, but your practitioner will talk them through with you first.',
  },
  time_window: {
    title: 'Recent treatments and exposures',
    intro: 'Some treatments need a waiting period before needling. Enter the date of the last time; leave it empty if never.',
  },
  other: {
    title: 'Medications, allergies and anything else',
    intro: 'List what you take now, what you are allergic to, and anything else we should know.',
  },
};

const ORDER: readonly MedicalHistorySection[] = ['absolute', 'relative', 'time_window', 'other'];

/** The questionnaire's sections in order, each with its fields from the domain's field list. */
export const HISTORY_SECTIONS: readonly HistorySectionInfo[] = ORDER.map((section) => ({
  section,
  ...SECTION_TEXT[section],
  fields: MEDICAL_HISTORY_FIELDS.filter((f) => f.section === section),
}));

export type BooleanFieldInfo = MedicalHistoryFieldInfo & { field: MedicalHistoryBooleanField };
export type DateFieldInfo = MedicalHistoryFieldInfo & { field: MedicalHistoryDateField };

export function isBooleanField(info: MedicalHistoryFieldInfo): info is BooleanFieldInfo {
  return info.input === 'boolean';
}

export function isDateField(info: MedicalHistoryFieldInfo): info is DateFieldInfo {
  return info.input === 'date';
}

export const BOOLEAN_FIELDS: readonly BooleanFieldInfo[] = MEDICAL_HISTORY_FIELDS.filter(isBooleanField);
export const DATE_FIELDS: readonly DateFieldInfo[] = MEDICAL_HISTORY_FIELDS.filter(isDateField);

export function historyFieldLabel(field: string): string {
  return MEDICAL_HISTORY_FIELDS.find((f) => f.field === field)?.label ?? field;
}
