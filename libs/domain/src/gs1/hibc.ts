import { formatIsoDate, isIsoDate, parseIsoDate, utcIsoDate, type IsoDate } from '../dates';
import { daysInMonth } from '../dates';
import { expandGs1Year } from './dates';
import type { Gs1Error } from './errors';
import { unframeScan } from './symbology';

/**
 * HIBC Supplier Labeling Standard (ANSI/HIBC 2.6) labels: `+` LIC (4 characters, a letter first) + product or catalogue
 * number (1 to 18) + unit of measure (1 digit), then optional secondary data (quantity, expiry, lot or serial), and a
 * modulo-43 check character. Many device labels still carry HIBC instead of GS1 (domain.md section 10).
 */

/** The HIBC character set in the order of their modulo-43 values (0-9 = 0-9, A-Z = 10-35, then - . space $ / + %). */
export const HIBC_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/** The modulo-43 check character of `data` (the whole structure before it, `+` included). */
export function hibcCheckCharacter(data: string): string {
  let sum = 0;
  for (const character of data) {
    const value = HIBC_CHARACTERS.indexOf(character);
    if (value < 0) throw new RangeError(`"${character}" is not in the HIBC character set`);
    sum += value;
  }
  return HIBC_CHARACTERS[sum % 43];
}

export interface HibcUdi {
  /** Labeler Identification Code assigned by HIBCC. */
  labelerCode: string;
  /** The labeler's product or catalogue number. */
  productNumber: string;
  /** Unit of measure / packaging level, 0 to 9. */
  unitOfMeasure: number;
  /** The HIBC device identifier: LIC + product number + unit of measure, e.g. `A123BJC5D6E71`. */
  deviceId: string;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD; an MMYY expiry gives the last day of that month. */
  expiryDate?: IsoDate;
  productionDate?: IsoDate;
  quantity?: number;
  /** The label's data as scanned, without symbology identifier or line ending. */
  data: string;
}

export type HibcParseResult = { ok: true; value: HibcUdi } | { ok: false; errors: Gs1Error[] };

const HIBC_TEXT = /^[0-9A-Z\-. $/+%]+$/;
const LIC = /^[A-Z][0-9A-Z]{3}$/;
const PRODUCT_NUMBER = /^[0-9A-Z]{1,18}$/;
const LOT_OR_SERIAL = /^[0-9A-Z\-.]{0,18}$/;

type Secondary = Pick<HibcUdi, 'lot' | 'serial' | 'expiryDate' | 'productionDate' | 'quantity'>;

class HibcFormatError extends Error {
  constructor(
    readonly code: Gs1Error['code'],
    message: string,
  ) {
    super(message);
  }
}

function calendarDate(year: number, month: number, day: number): IsoDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new HibcFormatError('invalid-date', `${year}-${month}-${day} is not a date`);
  return formatIsoDate({ year, month, day });
}

function julianDate(year: number, dayOfYear: number): IsoDate {
  let remaining = dayOfYear;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (remaining >= 1 && remaining <= days) return formatIsoDate({ year, month, day: remaining });
    remaining -= days;
  }
  throw new HibcFormatError('invalid-date', `day ${dayOfYear} of ${year} is not a date`);
}

/** Reads the expiry date whose format the flag character names; returns it and the characters it used. */
function readFlaggedDate(text: string, referenceYear: number): { date?: IsoDate; used: number } {
  const digits = (from: number, count: number): string => {
    const part = text.slice(from, from + count);
    if (!new RegExp(`^\\d{${count}}$`).test(part)) throw new HibcFormatError('invalid-date', `expected ${count} date digits, found "${part}"`);
    return part;
  };
  const year = (yy: string) => expandGs1Year(Number(yy), referenceYear);
  switch (text[0]) {
    case '0':
    case '1': {
      const mmyy = digits(0, 4);
      const y = year(mmyy.slice(2));
      const month = Number(mmyy.slice(0, 2));
      if (month < 1 || month > 12) throw new HibcFormatError('invalid-date', `"${mmyy}" is not a valid MMYY date`);
      return { date: calendarDate(y, month, daysInMonth(y, month)), used: 4 };
    }
    case '2': {
      const d = digits(1, 6);
      return { date: calendarDate(year(d.slice(4)), Number(d.slice(0, 2)), Number(d.slice(2, 4))), used: 7 };
    }
    case '3':
    case '4': {
      const d = digits(1, text[0] === '3' ? 6 : 8);
      if (d.length === 8 && Number(d.slice(6)) > 23) throw new HibcFormatError('invalid-date', `"${d}" has no hour ${d.slice(6)}`);
      return { date: calendarDate(year(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6))), used: 1 + d.length };
    }
    case '5':
    case '6': {
      const d = digits(1, text[0] === '5' ? 5 : 7);
      return { date: julianDate(year(d.slice(0, 2)), Number(d.slice(2, 5))), used: 1 + d.length };
    }
    case '7':
      return { used: 1 };
    default:
      throw new HibcFormatError('malformed', `"${text[0] ?? ''}" is not an HIBC date format flag`);
  }
}

function lotOrSerial(value: string, what: string): string {
  if (!LOT_OR_SERIAL.test(value) || value.length === 0) throw new HibcFormatError('invalid-characters', `the ${what} "${value}" is not 1 to 18 letters or digits`);
  return value;
}

/** One secondary or supplemental data field (without the leading `+` or `/`). */
function readSecondaryField(field: string, referenceYear: number, into: Secondary): void {
  if (field.startsWith('$$+')) {
    const { date, used } = readFlaggedDate(field.slice(3), referenceYear);
    if (date) into.expiryDate = date;
    into.serial = lotOrSerial(field.slice(3 + used), 'serial number');
  } else if (field.startsWith('$$8') || field.startsWith('$$9')) {
    const quantityLength = field[2] === '8' ? 2 : 5;
    const quantity = field.slice(3, 3 + quantityLength);
    if (!new RegExp(`^\\d{${quantityLength}}$`).test(quantity)) throw new HibcFormatError('invalid-value', `the quantity "${quantity}" is not ${quantityLength} digits`);
    into.quantity = Number(quantity);
    const rest = field.slice(3 + quantityLength);
    const { date, used } = readFlaggedDate(rest, referenceYear);
    if (date) into.expiryDate = date;
    into.lot = lotOrSerial(rest.slice(used), 'lot');
  } else if (field.startsWith('$$')) {
    const { date, used } = readFlaggedDate(field.slice(2), referenceYear);
    if (date) into.expiryDate = date;
    into.lot = lotOrSerial(field.slice(2 + used), 'lot');
  } else if (field.startsWith('$+')) {
    into.serial = lotOrSerial(field.slice(2), 'serial number');
  } else if (field.startsWith('$')) {
    into.lot = lotOrSerial(field.slice(1), 'lot');
  } else if (/^\d{5}/.test(field)) {
    // The older secondary format: YYJJJ expiry, then the lot.
    into.expiryDate = julianDate(expandGs1Year(Number(field.slice(0, 2)), referenceYear), Number(field.slice(2, 5)));
    into.lot = lotOrSerial(field.slice(5), 'lot');
  } else if (field.startsWith('16D') || field.startsWith('14D')) {
    const d = field.slice(3);
    if (!/^\d{8}$/.test(d)) throw new HibcFormatError('invalid-date', `"${d}" is not a YYYYMMDD date`);
    const date = calendarDate(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)));
    if (field.startsWith('16D')) into.productionDate = date;
    else into.expiryDate = date;
  } else if (field.startsWith('S')) {
    into.serial = lotOrSerial(field.slice(1), 'serial number');
  } else {
    throw new HibcFormatError('malformed', `"${field}" is not an HIBC secondary data field`);
  }
}

function readPrimary(primary: string): Pick<HibcUdi, 'labelerCode' | 'productNumber' | 'unitOfMeasure' | 'deviceId'> {
  const labelerCode = primary.slice(0, 4);
  const productNumber = primary.slice(4, -1);
  const unit = primary.slice(-1);
  if (!LIC.test(labelerCode)) throw new HibcFormatError('malformed', `"${labelerCode}" is not a labeler identification code (a letter, then 3 letters or digits)`);
  if (!PRODUCT_NUMBER.test(productNumber)) throw new HibcFormatError('malformed', `"${productNumber}" is not a product number (1 to 18 letters or digits)`);
  if (!/^\d$/.test(unit)) throw new HibcFormatError('malformed', `"${unit}" is not a unit of measure digit`);
  return { labelerCode, productNumber, unitOfMeasure: Number(unit), deviceId: primary };
}

/**
 * Splits data printed as separate structures (a primary `+…C`, then secondary ones `+…LC`, each ending with the
 * primary's check character as link and its own check character). Returns null when the data do not split so.
 */
function splitStructures(text: string): { primary: string; secondaries: string[] } | null {
  for (let end = 3; end < text.length; end++) {
    if (text[end] !== '+' || text[end - 1] === '$') continue;
    const check = text[end - 1];
    if (hibcCheckCharacter(text.slice(0, end - 1)) !== check) continue;
    const secondaries: string[] = [];
    let start = end;
    while (start < text.length) {
      let next = -1;
      for (let k = start + 3; k <= text.length; k++) {
        if (k < text.length && text[k] !== '+') continue;
        if (text[k - 2] === check && hibcCheckCharacter(text.slice(start, k - 1)) === text[k - 1]) {
          next = k;
          break;
        }
      }
      if (next < 0) break;
      secondaries.push(text.slice(start + 1, next - 2));
      start = next;
    }
    if (start === text.length) return { primary: text.slice(1, end - 1), secondaries };
  }
  return null;
}

export interface HibcParseOptions {
  /** Date two-digit years are resolved against; defaults to today in UTC. */
  referenceDate?: IsoDate | undefined;
}

/** True when the scan (after any symbology identifier) is an HIBC supplier label, i.e. starts with `+`. */
export function isHibc(input: string): boolean {
  return unframeScan(input).text.startsWith('+');
}

/** Parses an HIBC supplier label as scanned, primary and secondary data in one symbol or as consecutive structures. */
export function parseHibc(input: string, options: HibcParseOptions = {}): HibcParseResult {
  const referenceDate = options.referenceDate ?? utcIsoDate();
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${referenceDate}"`);
  const referenceYear = parseIsoDate(referenceDate).year;
  const data = unframeScan(input).text;
  const fail = (code: Gs1Error['code'], message: string): HibcParseResult => ({ ok: false, errors: [{ code, message: `HIBC label: ${message}` }] });
  if (!data.startsWith('+')) return fail('malformed', 'it must start with +');
  if (data.startsWith('+/')) return fail('malformed', 'this is a provider (HIBC PAS) label, not a supplier label with a product');
  if (!HIBC_TEXT.test(data)) return fail('invalid-characters', 'it has characters outside the HIBC set (A-Z, 0-9, - . space $ / + %)');
  if (data.length < 4) return fail('truncated', 'too short to hold a product and check character');
  try {
    let primary: string;
    let fields: string[];
    const body = data.slice(0, -1);
    if (hibcCheckCharacter(body) === data[data.length - 1] && (data.includes('/') || !splitStructures(data))) {
      // One structure: primary, then `/`-separated secondary and supplemental fields, one check character.
      [primary, ...fields] = body.slice(1).split('/');
      if (fields.length === 0 && /^(\$|\d{5})/.test(primary)) return fail('missing-product', 'this is the secondary label (lot, expiry) alone; scan the label with the product');
    } else {
      const split = splitStructures(data);
      if (!split) {
        return fail('bad-check-character', `the check character ${data[data.length - 1]} is wrong (it should be ${hibcCheckCharacter(body)}); scan again or type the label`);
      }
      primary = split.primary;
      fields = split.secondaries;
    }
    const udi: HibcUdi = { ...readPrimary(primary), data };
    for (const field of fields) readSecondaryField(field, referenceYear, udi);
    return { ok: true, value: udi };
  } catch (error) {
    if (error instanceof HibcFormatError) return fail(error.code, error.message);
    throw error;
  }
}
