import { isIsoDate, utcIsoDate, type IsoDate } from '../dates';
import { GS1_AI_DEFINITIONS, isGs1Cset82, isSupportedGs1Ai, type SupportedGs1Ai } from './application-identifiers';
import { gs1CheckDigit, isValidGtin } from './check-digit';
import { parseGs1Date } from './dates';
import type { Gs1Error } from './errors';
import { stripGs1Framing, tokenizeParenthesisedGs1, tokenizeRawGs1, type Gs1Element } from './tokenize';

/** The device identifier and production identifiers of a UDI (domain.md section 10). */
export interface Gs1Udi {
  /** GTIN-14. */
  gtin: string;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD; DD = 00 on the label gives the first day of the month. */
  productionDate?: IsoDate;
  /** YYYY-MM-DD; DD = 00 on the label gives the last day of the month. */
  expiryDate?: IsoDate;
}

export type Gs1ParseResult = { ok: true; value: Gs1Udi } | { ok: false; errors: Gs1Error[] };

export interface Gs1ParseOptions {
  /** Date two-digit years are resolved against (GS1 century rule); defaults to today in UTC. */
  referenceDate?: IsoDate | undefined;
}

type Gs1Values = Partial<Record<SupportedGs1Ai, string>>;

/** Checks one element's data and returns the value to store, or pushes errors. */
function readElement({ ai, data }: Gs1Element, referenceDate: IsoDate, errors: Gs1Error[]): string | undefined {
  if (!isSupportedGs1Ai(ai)) {
    errors.push({ ai, code: 'unknown-ai', message: `Unsupported application identifier (${ai})` });
    return undefined;
  }
  const definition = GS1_AI_DEFINITIONS[ai];
  const label = `${definition.name} (${ai})`;
  if (data.length === 0) {
    errors.push({ ai, code: 'fixed' in definition.length ? 'truncated' : 'empty', message: `${label} has no data` });
    return undefined;
  }
  if ('fixed' in definition.length) {
    const expected = definition.length.fixed;
    if (data.length !== expected) {
      errors.push({ ai, code: data.length < expected ? 'truncated' : 'too-long', message: `${label} must be ${expected} digits, got ${data.length}` });
      return undefined;
    }
  } else if (data.length > definition.length.max) {
    errors.push({ ai, code: 'too-long', message: `${label} is ${data.length} characters; the maximum is ${definition.length.max} (a missing GS separator can cause this)` });
    return undefined;
  }
  switch (definition.content) {
    case 'gtin':
      if (!/^\d+$/.test(data)) {
        errors.push({ ai, code: 'invalid-characters', message: `${label} must be digits only, got "${data}"` });
        return undefined;
      }
      if (!isValidGtin(data)) {
        const expectedCheckDigit = gs1CheckDigit(data.slice(0, -1));
        errors.push({
          ai,
          code: 'bad-check-digit',
          message: `${label} ${data} has a wrong check digit (it should be ${expectedCheckDigit})`,
          gtin: data,
          expectedCheckDigit,
        });
        return undefined;
      }
      return data;
    case 'date': {
      const date = parseGs1Date(data, referenceDate, ai === '17' ? 'last_day_of_month' : 'first_day_of_month');
      if (date === null) errors.push({ ai, code: 'invalid-date', message: `${label} "${data}" is not a valid YYMMDD date` });
      return date ?? undefined;
    }
    case 'alphanumeric':
      if (!isGs1Cset82(data)) {
        errors.push({ ai, code: 'invalid-characters', message: `${label} "${data}" contains characters not allowed in GS1 data` });
        return undefined;
      }
      return data;
  }
}

/**
 * Parses a GS1 UDI string as scanned (optional symbology prefix such as `]d2`, GS after variable fields) or in
 * human-readable form `(01)00812345678901(17)270300(10)LOT42A` (domain.md section 10; its own example GTIN 00812345678905 fails the check digit). AIs may come in any order.
 * Supports AIs 01, 10, 11, 17 and 21; the GTIN (01) is required. A repeated AI with the same data is accepted,
 * with different data it is an error. All problems found are reported together.
 */
export function parseGs1(input: string, options: Gs1ParseOptions = {}): Gs1ParseResult {
  const referenceDate = options.referenceDate ?? utcIsoDate();
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${referenceDate}"`);
  const text = stripGs1Framing(input);
  if (text.length === 0) return { ok: false, errors: [{ code: 'empty', message: 'No barcode data' }] };

  const { elements, errors } = text.startsWith('(') ? tokenizeParenthesisedGs1(text) : tokenizeRawGs1(text);
  const values: Gs1Values = {};
  const seen = new Map<string, string>();
  for (const element of elements) {
    const previous = seen.get(element.ai);
    if (previous !== undefined) {
      if (previous !== element.data) {
        errors.push({ ai: element.ai, code: 'duplicate-ai', message: `Application identifier (${element.ai}) appears twice with different data` });
      }
      continue;
    }
    seen.set(element.ai, element.data);
    const value = readElement(element, referenceDate, errors);
    if (value !== undefined && isSupportedGs1Ai(element.ai)) values[element.ai] = value;
  }
  const gtinReported = seen.has('01') || errors.some((e) => e.ai === '01');
  if (!gtinReported) errors.push({ ai: '01', code: 'missing-gtin', message: 'The barcode has no GTIN (01)' });
  if (errors.length > 0 || values['01'] === undefined) return { ok: false, errors };

  const value: Gs1Udi = { gtin: values['01'] };
  if (values['10'] !== undefined) value.lot = values['10'];
  if (values['21'] !== undefined) value.serial = values['21'];
  if (values['11'] !== undefined) value.productionDate = values['11'];
  if (values['17'] !== undefined) value.expiryDate = values['17'];
  return { ok: true, value };
}
