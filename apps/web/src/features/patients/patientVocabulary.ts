import {
  DEVICE_MAX_DEPTH_MM,
  FITZPATRICK_NUMERALS,
  MEDICAL_DEPTH_THRESHOLD_MM,
  type AllergyClass,
  type PatientSex,
  type ProcedureKind,
} from '@skinledger/domain';
import { spelled } from '@web/lib/words/clinicWords';

export const SEX_LABELS: Record<PatientSex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};

/** How each allergy class reads in forms and banners (domain.md section 5: anaesthetics by class). */
export const ALLERGY_CLASS_LABELS: Record<AllergyClass, string> = spelled({
  amide_anesthetic: 'Amide anaesthetic',
  ester_anesthetic: 'Ester anaesthetic',
  nickel: 'Nickel / stainless steel',
  latex: 'Latex',
  other: 'Other',
});

/** Examples shown with each class so staff can pick it without a pharmacology reference. */
export const ALLERGY_CLASS_EXAMPLES: Record<AllergyClass, string> = {
  amide_anesthetic: 'lidocaine, prilocaine',
  ester_anesthetic: 'benzocaine, tetracaine',
  nickel: 'needles are stainless steel',
  latex: 'gloves and supplies',
  other: 'anything else',
};

/** Fitzpatrick phototypes I-VI (domain.md section 8), with the short description staff use to choose. */
const PHOTOTYPE_DESCRIPTIONS = [
  'Always burns, never tans',
  'Usually burns, tans minimally',
  'Sometimes burns, tans gradually',
  'Rarely burns, tans easily',
  'Very rarely burns, tans very easily',
  'Deeply pigmented, never burns',
] as const;

export function phototypeLabel(type: number): string {
  return `Type ${FITZPATRICK_NUMERALS[type - 1]}`;
}

export function phototypeDescription(type: number): string {
  return PHOTOTYPE_DESCRIPTIONS[type - 1] ?? '';
}

export const PROCEDURE_LABELS: Record<ProcedureKind, string> = {
  cosmetic: 'Cosmetic needling',
  medical: 'Medical needling',
};

/** The depth line between the two (domain.md section 1), for the procedure picker. */
export const PROCEDURE_DEPTHS: Record<ProcedureKind, string> = {
  cosmetic: `Deepest zone under ${MEDICAL_DEPTH_THRESHOLD_MM} mm`,
  medical: `Deepest zone ${MEDICAL_DEPTH_THRESHOLD_MM} to ${DEVICE_MAX_DEPTH_MM} mm`,
};
