import { daysInMonth } from '../dates';
import type { Gs1ErrorCode } from '../codes/inventory';
import { gs1CheckDigit } from './check-digit';
import { expandGs1Year } from './dates';

/** Why a component's content breaks its rule, in words that name no AI (the caller adds it). */
export interface Gs1CheckFailure {
  code: Gs1ErrorCode;
  message: string;
  /** For `bad-check-digit`: the digit the other digits call for. */
  expectedCheckDigit?: number;
}

export interface Gs1CheckContext {
  /** The year two-digit years are placed around (GS1 General Specifications 7.12). */
  referenceYear: number;
}

type Check = (value: string, context: Gs1CheckContext) => Gs1CheckFailure | null;

const invalid = (message: string): Gs1CheckFailure => ({ code: 'invalid-value', message });
const badDate = (value: string, format: string): Gs1CheckFailure => ({ code: 'invalid-date', message: `"${value}" is not a valid ${format} date` });
const badTime = (value: string, format: string): Gs1CheckFailure => ({ code: 'invalid-time', message: `"${value}" is not a valid ${format} time` });

/** A calendar date from its parts; day 0 only when `dayZero` allows it (then the month alone is given). */
function isCalendarDate(year: number, month: number, day: number, dayZero: boolean): boolean {
  if (month < 1 || month > 12) return false;
  if (day === 0) return dayZero;
  return day <= daysInMonth(year, month);
}

function yymmdd(dayZero: boolean): Check {
  const format = dayZero ? 'YYMMDD (DD may be 00)' : 'YYMMDD';
  return (value, { referenceYear }) => {
    if (!/^\d{6}$/.test(value)) return badDate(value, format);
    const year = expandGs1Year(Number(value.slice(0, 2)), referenceYear);
    return isCalendarDate(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)), dayZero) ? null : badDate(value, format);
  };
}

function yyyymmdd(dayZero: boolean): Check {
  const format = dayZero ? 'YYYYMMDD (DD may be 00)' : 'YYYYMMDD';
  return (value) => {
    if (!/^\d{8}$/.test(value)) return badDate(value, format);
    return isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)), dayZero) ? null : badDate(value, format);
  };
}

function twoDigits(max: number, what: string): Check {
  return (value) => (/^\d{2}$/.test(value) && Number(value) <= max ? null : badTime(value, what));
}

const hhmi: Check = (value) =>
  /^\d{4}$/.test(value) && Number(value.slice(0, 2)) <= 23 && Number(value.slice(2, 4)) <= 59 ? null : badTime(value, 'HHMM');

function oneOf(allowed: readonly string[], what: string): Check {
  return (value) => (allowed.includes(value) ? null : invalid(`"${value}" is not ${what} (${allowed.join(', ')})`));
}

function numberAtMost(max: number, what: string): Check {
  return (value) => (/^\d+$/.test(value) && Number(value) <= max ? null : invalid(`"${value}" is not a valid ${what}`));
}

const csum: Check = (value) => {
  if (!/^\d{2,}$/.test(value)) return { code: 'invalid-characters', message: `"${value}" must be digits` };
  const expected = gs1CheckDigit(value.slice(0, -1));
  if (expected === Number(value[value.length - 1])) return null;
  return { code: 'bad-check-digit', message: `${value} has a wrong check digit (it should be ${expected})`, expectedCheckDigit: expected };
};

/** Piece number of total (AI 8006, 8026): both halves non-zero, the piece not above the total. */
const pieceOfTotal: Check = (value) => {
  if (!/^\d+$/.test(value) || value.length % 2 !== 0) return invalid(`"${value}" is not a piece number and total`);
  const piece = Number(value.slice(0, value.length / 2));
  const total = Number(value.slice(value.length / 2));
  if (piece === 0 || total === 0) return invalid(`"${value}": neither the piece number nor the total may be zero`);
  return piece > total ? invalid(`"${value}": piece ${piece} of ${total} is past the total`) : null;
};

/** Position in sequence such as `1/2` (AI 7258): numbers without leading zeros, position not past the count. */
const posInSeqSlash: Check = (value) => {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  return match && Number(match[1]) <= Number(match[2]) ? null : invalid(`"${value}" is not a position in a sequence such as 1/2`);
};

/** Percent-encoding (AI 4300 and other names and addresses): each % starts two hexadecimal digits. */
const pcenc: Check = (value) => (/%(?![0-9A-Fa-f]{2})/.test(value) ? invalid(`"${value}" has a % that does not start a %XX escape`) : null);

/** IBAN (AI 8007): two letters, two check digits, then letters and digits; the ISO 13616 mod-97 check gives 1. */
const iban: Check = (value) => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(value)) return invalid(`"${value}" is not an IBAN`);
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? null : invalid(`"${value}" fails the IBAN check digits`);
};

/**
 * The content rules of the GS1 Barcode Syntax Dictionary that are enforced here. Rules not listed (country,
 * currency and package-type code lists, GS1 Company Prefix positions, the alphanumeric check pair of 8013/8014 and
 * the coupon layouts) are not checked: such data are accepted as they are.
 */
export const GS1_CHECKS: Readonly<Record<string, Check>> = {
  csum,
  yymmd0: yymmdd(true),
  yymmdd: yymmdd(false),
  yyyymmd0: yyyymmdd(true),
  yyyymmdd: yyyymmdd(false),
  hhmi,
  hh: twoDigits(23, 'HH'),
  mi: twoDigits(59, 'MM (minutes)'),
  ss: twoDigits(59, 'SS (seconds)'),
  yesno: oneOf(['0', '1'], 'a yes/no flag'),
  zero: oneOf(['0'], 'the required zero'),
  nonzero: (value) => (/^0+$/.test(value) ? invalid(`"${value}" must not be zero`) : null),
  nozeroprefix: (value) => (value.length > 1 && value.startsWith('0') ? invalid(`"${value}" must not start with 0`) : null),
  hyphen: oneOf(['-'], 'a minus sign'),
  hasnondigit: (value) => (/^\d*$/.test(value) ? invalid(`"${value}" must contain a character that is not a digit`) : null),
  pieceoftotal: pieceOfTotal,
  posinseqslash: posInSeqSlash,
  pcenc,
  iban,
  winding: oneOf(['0', '1', '9'], 'a winding direction'),
  iso5218: oneOf(['0', '1', '2', '9'], 'an ISO 5218 sex code'),
  importeridx: (value) => (/^[-0-9A-Z_a-z]$/.test(value) ? null : invalid(`"${value}" is not an importer index`)),
  mediatype: (value) => {
    const n = Number(value);
    return /^\d{2}$/.test(value) && ((n >= 1 && n <= 10) || n >= 80) ? null : invalid(`"${value}" is not an AIDC media type`);
  },
  latitude: numberAtMost(1800000000, 'latitude'),
  longitude: numberAtMost(3600000000, 'longitude'),
};

/** Applies one named rule; a rule not enforced here passes. */
export function runGs1Check(name: string, value: string, context: Gs1CheckContext): Gs1CheckFailure | null {
  const check = GS1_CHECKS[name];
  return check ? check(value, context) : null;
}
