import { getCountries, type CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { InvalidFieldError } from '../problems/domain-error';

/**
 * Phone numbers are stored E.164 (`+17185551141`, issue 13) and shown in national format by the dashboard. A number
 * typed without a country code is read in the country of its location (for a patient: the clinic's home country).
 * The full metadata (libphonenumber-js/max) decides validity, so a number that cannot exist in its country is
 * refused rather than stored.
 */
const COUNTRIES = new Set<string>(getCountries());

/** A country libphonenumber knows (ISO 3166-1 alpha-2, upper case). */
export function isPhoneCountry(value: unknown): value is CountryCode {
  return typeof value === 'string' && COUNTRIES.has(value);
}

/** The number in E.164, or null when it is not a valid number (read in `country` unless it starts with +). */
export function toE164(typed: string, country: string): string | null {
  const text = typed.trim();
  if (!text || text.length > 40 || !/^[\d\s+().\-/]+$/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, isPhoneCountry(country) ? country : undefined);
  return parsed?.isValid() ? parsed.number : null;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "United States", for messages. */
export function countryName(country: string): string {
  try {
    return countryNames.of(country) ?? country;
  } catch {
    return country;
  }
}

/**
 * The typed number as E.164 for storing; empty or null stays empty or null. Refuses (400 naming the field) a number
 * that is not valid for the country it is read in.
 */
export function requirePhoneNumber<T extends string | null | undefined>(field: string, typed: T, country: string): T | string {
  if (typed === null || typed === undefined || typed.trim() === '') return typed;
  const e164 = toE164(typed, country);
  if (!e164) {
    throw new InvalidFieldError(
      field,
      `${typed.trim()} is not a valid phone number in ${countryName(country)}; check the digits, or type it with its country code (e.g. +44 20 7946 0018)`,
    );
  }
  return e164;
}

/** A stored E.164 number in international format for messages and the audit log ("+1 917 555 0199"); else as stored. */
export function formatPhoneForPeople(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored);
  return parsed?.isValid() ? parsed.formatInternational() : stored;
}

/** A stored number as dialled in `country`: national format for that country's numbers, else international. */
export function formatPhoneNational(stored: string, country: string): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed?.isValid()) return stored;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
