import { PASSWORD_MIN_LENGTH } from '@skinledger/domain';

/** Looks like an e-mail address (something@domain.tld, spaces around it ignored); the API checks it properly. */
export function isPlausibleEmail(value: string): boolean {
  return /^\S+@\S+\.\S+$/.test(value.trim());
}

/** The message for a password shorter than the policy's minimum (the API also refuses weak ones), else undefined. */
export function passwordLengthProblem(password: string): string | undefined {
  return password.length < PASSWORD_MIN_LENGTH ? `Use at least ${PASSWORD_MIN_LENGTH} characters` : undefined;
}
