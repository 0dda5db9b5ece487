import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phone numbers as the clinic reads them (issue 13): the API stores E.164 (+17185551141); the dashboard shows a number
 * of the clinic's country in national format ("(718) 555-1141", "020 7946 0018") and any other in international
 * format ("+44 20 7946 0018"). A number kept as typed because it could not be read (older records) shows as typed.
 * Numbers typed without a country code are read in the location's country, as the API does.
 */
const COUNTRIES = new Set<string>(getCountries());

function asCountry(country: string | null | undefined): CountryCode | undefined {
  return country && COUNTRIES.has(country) ? (country as CountryCode) : undefined;
}

/** A stored number for reading, in the national format of `homeCountry` when it is that country's. */
export function formatPhone(stored: string | null | undefined, homeCountry: string | null | undefined): string {
  const text = stored?.trim() ?? '';
  if (!text) return '';
  const parsed = parsePhoneNumberFromString(text, asCountry(homeCountry));
  if (!parsed?.isPossible()) return text;
  return parsed.country === homeCountry || (!parsed.country && parsed.countryCallingCode === phoneCallingCode(homeCountry))
    ? parsed.formatNational()
    : parsed.formatInternational();
}

function phoneCallingCode(country: string | null | undefined): string | undefined {
  const c = asCountry(country);
  return c ? parsePhoneNumberFromString('+1', c)?.countryCallingCode ?? undefined : undefined;
}

/** The typed number in E.164, or null when it cannot be a number of that country (or the one its + names). */
export function toE164(typed: string, country: string | null | undefined): string | null {
  const text = typed.trim();
  if (!text || !/^[\d\s+().\-/]+$/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, asCountry(country));
  return parsed?.isValid() ? parsed.number : null;
}

/** Why a typed number would be refused, or null (empty is fine: the field is optional). */
export function phoneProblem(typed: string, country: string | null | undefined): string | null {
  if (!typed.trim()) return null;
  return toE164(typed, country) ? null : `Not a valid phone number in ${countryName(country)}: check the digits, or start with + and the country code`;
}

const names = new Intl.DisplayNames(['en'], { type: 'region' });

/** "United States". */
export function countryName(country: string | null | undefined): string {
  if (!country) return 'this country';
  try {
    return names.of(country) ?? country;
  } catch {
    return country;
  }
}

let options: { value: string; label: string }[] | undefined;

/** Every country a phone number can belong to, by name, for a select. */
export function countryOptions(): { value: string; label: string }[] {
  options ??= [...COUNTRIES].map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label));
  return options;
}

/** A first guess of the clinic's country: the time zone's (America/New_York → US), else the browser language's region. */
export function guessCountry(timeZone: string, countryForTimeZone: (zone: string) => string | null): string {
  const fromZone = countryForTimeZone(timeZone);
  if (fromZone) return fromZone;
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    return region && COUNTRIES.has(region) ? region : '';
  } catch {
    return '';
  }
}
