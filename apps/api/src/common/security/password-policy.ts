import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblems, type PasswordOwner } from '@skinledger/domain';
import { WeakPasswordError } from '../problems/domain-error';

/**
 * The breached-password list shipped with @zxcvbn-ts/language-common (~49,000 of the most common passwords from
 * public breach corpora, ranked). Used straight from the installed package rather than copied into the repository:
 * the dashboard's strength meter reads the same list, so both always agree, and no network is needed at run time.
 */
let breached: Set<string> | undefined;
function isBreached(lowerCased: string): boolean {
  breached ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return breached.has(lowerCased);
}

export function breachedPasswordCount(): number {
  isBreached('');
  return breached?.size ?? 0;
}

/** Refuses (422, naming the field and each rule) a password the policy does not accept, wherever one is set. */
export function assertAcceptablePassword(field: string, password: string, owner: PasswordOwner): void {
  const problems = passwordProblems(password, owner, isBreached);
  if (problems.length > 0) throw new WeakPasswordError(field, problems);
}
