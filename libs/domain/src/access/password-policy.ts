/**
 * Which passwords staff may set (NIST SP 800-63B 5.1.1.2): long enough, not a known breached password, not a
 * single character or a short block repeated, and not built from the person's own e-mail or name. Pure: the
 * breached list is passed in (the API and the dashboard each load it from their own copy).
 */
import type { PasswordProblemCode } from '../codes/staff';

export const PASSWORD_MIN_LENGTH = 12;
/** Name parts shorter than this (initials, "Dr", "Li") are too common inside other words to refuse. */
export const PASSWORD_PERSONAL_INFO_MIN_LENGTH = 3;


export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/** True when the (lower-cased) password is in a list of breached passwords. */
export type BreachedPasswordCheck = (lowerCasedPassword: string) => boolean;

/** The person's own words: the whole e-mail local part, its dot/dash/plus pieces and each part of the name. */
export function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const local = (owner.email ?? '').split('@')[0].toLowerCase();
  for (const word of [local, ...local.split(/[^\p{L}\p{N}]+/u)]) if (word.length >= PASSWORD_PERSONAL_INFO_MIN_LENGTH) words.add(word);
  for (const word of (owner.name ?? '').toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= PASSWORD_PERSONAL_INFO_MIN_LENGTH) words.add(word);
  return [...words];
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "12121212...": the whole password is one block of at most 4 characters repeated. */
function isRepetitive(password: string): boolean {
  const chars = [...password];
  for (let block = 1; block <= 4 && block < chars.length; block++) {
    if (chars.every((c, i) => c === chars[i % block])) return true;
  }
  return false;
}

export function passwordProblems(password: string, owner: PasswordOwner, isBreached: BreachedPasswordCheck): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({ code: 'password-too-short', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  const lower = password.toLowerCase();
  if (isBreached(lower)) {
    problems.push({ code: 'password-breached', message: 'is one of the most common passwords found in data breaches; choose another' });
  } else if (isRepetitive(password)) {
    problems.push({ code: 'password-repetitive', message: 'is one character or a short block repeated; choose another' });
  }
  if (personalWords(owner).some((word) => lower.includes(word))) {
    problems.push({ code: 'password-contains-personal-info', message: 'must not contain your e-mail address or name' });
  }
  return problems;
}
