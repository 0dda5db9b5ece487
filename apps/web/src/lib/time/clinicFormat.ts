import { DEFAULT_CLINIC_LOCALE, readable, type ClinicLocale, type Readable } from '@skinledger/domain';

/**
 * The dashboard's one set of date and time helpers (issue 13: one time format, the clinic's). The clinic's English
 * variant comes from the signed-in user's organization (`organizationLocale` of /api/auth/me) and is set here when
 * the session loads; until then (sign-in, setup) en-US applies. Every helper in lib/time formats through it:
 * en-US "Dec 2, 2026, 10:30 AM", en-GB "2 Dec 2026, 10:30", never seconds, always in the zone given.
 */
let current: ClinicLocale = DEFAULT_CLINIC_LOCALE;

export function setClinicLocale(locale: ClinicLocale): void {
  current = locale;
}

export function clinicLocale(): ClinicLocale {
  return current;
}

/** The readable helpers of the clinic's variant (dates, times, ranges, lists and spelling). */
export function clinicFormat(): Readable {
  return readable(current);
}
