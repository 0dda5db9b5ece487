/** Administrative sex as HL7 FHIR codes it. */
export const PATIENT_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

/** Fitzpatrick phototypes (domain.md section 8) as their Roman numerals, index 0 = type I. */
export const FITZPATRICK_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** 1-6 from "4", "IV" or "iv"; null when it is neither. */
export function parseFitzpatrickType(value: string): number | null {
  const text = value.trim().toUpperCase().replace(/^TYPE\s+/, '');
  if (/^[1-6]$/.test(text)) return Number(text);
  const index = (FITZPATRICK_NUMERALS as readonly string[]).indexOf(text);
  return index >= 0 ? index + 1 : null;
}

export const MRN_PREFIX = 'SL-';

/** The readable medical record number of the organization's n-th patient: 123 -> "SL-000123" (never truncated). */
export function formatMrn(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`An MRN sequence is a whole number >= 1, got ${sequence}`);
  return `${MRN_PREFIX}${String(sequence).padStart(6, '0')}`;
}

/** The MRN a search term names, forgiving case, a missing dash and missing zeros: "sl123", "SL-000123" -> "SL-000123". */
export function mrnFromSearchTerm(term: string): string | null {
  const match = /^sl-?\s*0*(\d{1,9})$/i.exec(term.trim());
  return match && Number(match[1]) >= 1 ? formatMrn(Number(match[1])) : null;
}

const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/**
 * A phone number as stored: an optional leading "+" and the digits, whatever the punctuation it was typed with
 * ("(212) 555-0100" -> "2125550100", "+44 20 7946 0958" -> "+442079460958"). Null when it is not a phone number
 * (letters, or fewer than 7 or more than 15 digits).
 */
export function normalizePhone(value: string): string | null {
  const text = value.trim();
  if (!PHONE_CHARACTERS.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return `${text.startsWith('+') ? '+' : ''}${digits}`;
}

/**
 * The trailing digits that identify a phone line for duplicate checks and search, so "+1 212 555 0100" and
 * "(212) 555-0100" match: the last 10 digits (a national number in most plans), or all of them when shorter.
 */
export function phoneMatchKey(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}
