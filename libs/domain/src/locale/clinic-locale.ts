/**
 * The clinic's English variant (issue 13: one time format, one spelling). Chosen per organization; every message,
 * date and time the API or the dashboard shows a person follows it: en-US "Dec 2, 2026, 10:30 AM", "anesthetic",
 * "license"; en-GB "2 Dec 2026, 10:30", "anaesthetic", "licence".
 */
export const CLINIC_LOCALES = ['en-US', 'en-GB'] as const;
export type ClinicLocale = (typeof CLINIC_LOCALES)[number];

/** Where nothing else is known (before setup, a message without an organization). */
export const DEFAULT_CLINIC_LOCALE: ClinicLocale = 'en-US';

export const CLINIC_LOCALE_LABELS: Record<ClinicLocale, string> = {
  'en-US': 'English (US): Dec 2, 2026, 10:30 AM · anesthetic, license',
  'en-GB': 'English (UK): 2 Dec 2026, 10:30 · anaesthetic, licence',
};

export function isClinicLocale(value: unknown): value is ClinicLocale {
  return typeof value === 'string' && (CLINIC_LOCALES as readonly string[]).includes(value);
}

/** Countries whose clinics write American English; every other English variant follows British spelling. */
const US_ENGLISH_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'LR']);

/** The variant a new clinic starts with, from its first location's country (ISO 3166 alpha-2). */
export function clinicLocaleForCountry(country: string | null | undefined): ClinicLocale {
  return country && !US_ENGLISH_COUNTRIES.has(country.toUpperCase()) ? 'en-GB' : 'en-US';
}
