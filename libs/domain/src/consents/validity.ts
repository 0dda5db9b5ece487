import { addDays, compareIsoDates, isoDateInTimeZone, type IsoDate } from '../dates';
import type { ConsentStatus } from './kinds';

/** What the status of one consent record depends on. */
export interface ConsentValidityInput {
  signedAt: Date | null;
  revokedAt: Date | null;
  validDays: number;
  /** The clinic time zone recorded with the consent: its calendar decides the expiry date. */
  timeZone: string;
  /** The version of the template that was signed. */
  templateVersion: number;
  /** Versions of the same template that an admin published as requiring re-consent. */
  reconsentVersions: readonly number[];
}

/**
 * The last calendar date (clinic time zone) on which a consent still counts: the signing date plus `validDays`,
 * inclusive. Signed 2026-03-10 with 365 days: valid through 2027-03-10, expired from 2027-03-11.
 */
export function consentValidThrough(signedAt: Date, validDays: number, timeZone: string): IsoDate {
  return addDays(isoDateInTimeZone(signedAt, timeZone), validDays);
}

/** True when a later version of the signed template requires re-consent. */
export function isSuperseded(templateVersion: number, reconsentVersions: readonly number[]): boolean {
  return reconsentVersions.some((v) => v > templateVersion);
}

/**
 * The status of a consent at an instant. Precedence: revoked (withdrawn, or voided before signing) > pending >
 * superseded > expired > valid. Only `valid` counts before treatment.
 */
export function consentStatus(consent: ConsentValidityInput, at: Date): ConsentStatus {
  if (consent.revokedAt && consent.revokedAt.getTime() <= at.getTime()) return 'revoked';
  if (!consent.signedAt || consent.signedAt.getTime() > at.getTime()) return 'pending';
  if (isSuperseded(consent.templateVersion, consent.reconsentVersions)) return 'superseded';
  const through = consentValidThrough(consent.signedAt, consent.validDays, consent.timeZone);
  if (compareIsoDates(isoDateInTimeZone(at, consent.timeZone), through) > 0) return 'expired';
  return 'valid';
}
