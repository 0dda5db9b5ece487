import { isIsoDate, parseIsoDate, utcIsoDate, type IsoDate } from '../dates';
import { gs1Ai, isInGs1Charset, type Gs1AiDefinition } from './application-identifiers';
import { runGs1Check } from './ai-checks';
import { parseGs1Date } from './dates';
import type { Gs1Error } from './errors';
import { describeSymbologyIdentifier, GS1_SYMBOLOGY_IDENTIFIERS, isGs1SymbologyIdentifier, unframeScan } from './symbology';
import { formatGs1ElementString, gs1AiLabel, tokenizeParenthesisedGs1, tokenizeRawGs1, type Gs1Element } from './tokenize';

/** One element string of the label: its AI, GS1 data title and data as printed. */
export interface Gs1ReadElement extends Gs1Element {
  title: string;
}

/** The device identifier and production identifiers of a UDI (domain.md section 10), with every element read. */
export interface Gs1Udi {
  /** GTIN-14 (01). */
  gtin: string;
  /** Batch or lot (10). */
  lot?: string;
  /** Serial number (21). */
  serial?: string;
  /** Production date (11), YYYY-MM-DD; DD = 00 on the label gives the first day of the month. */
  productionDate?: IsoDate;
  /** Expiry date (17), YYYY-MM-DD; DD = 00 on the label gives the last day of the month. */
  expiryDate?: IsoDate;
  /** Additional product identification assigned by the manufacturer (240). */
  additionalProductId?: string;
  /** Expiry date and time (7003) as printed, `YYYY-MM-DDTHH:MM` in the label's own (unstated) time zone. */
  expiryDateTime?: string;
  /** Count of items (30). */
  count?: number;
  /** Every element in label order, the ones above and all others (22, 8020, 710 ...). */
  elements: Gs1ReadElement[];
  /** The whole element string in human-readable form, label order: `(01)…(17)…(10)…`. */
  elementString: string;
}

export type Gs1ParseResult = { ok: true; value: Gs1Udi } | { ok: false; errors: Gs1Error[] };

export interface Gs1ParseOptions {
  /** Date two-digit years are resolved against (GS1 century rule); defaults to today in UTC. */
  referenceDate?: IsoDate | undefined;
}

/** Checks one element's data against its AI's format (length, character set, check digit, date ...). */
function checkElement({ ai, data }: Gs1Element, referenceYear: number, errors: Gs1Error[]): Gs1AiDefinition | undefined {
  const definition = gs1Ai(ai);
  if (!definition) {
    errors.push({ ai, code: 'unknown-ai', message: `(${ai}) is not a GS1 application identifier` });
    return undefined;
  }
  const label = gs1AiLabel(ai, definition.title);
  const before = errors.length;
  if (data.length === 0) {
    errors.push({ ai, code: definition.fixedLength ? 'truncated' : 'empty', message: `${label} has no data` });
    return undefined;
  }
  if (data.length > definition.maxLength) {
    const hint = definition.predefinedLength ? '' : ' (a missing GS separator can cause this)';
    const limit = definition.fixedLength ? `must be ${definition.maxLength} characters` : `the maximum is ${definition.maxLength}`;
    errors.push({ ai, code: 'too-long', message: `${label} is ${data.length} characters; ${limit}${hint}` });
    return undefined;
  }
  let pos = 0;
  for (const [index, component] of definition.components.entries()) {
    if (pos >= data.length && component.optional) break;
    const isLast = index === definition.components.length - 1;
    const length = component.minLength === component.maxLength && !isLast ? component.maxLength : Math.min(component.maxLength, data.length - pos);
    const part = data.slice(pos, pos + length);
    pos += part.length;
    if (part.length < component.minLength) {
      const expected = definition.fixedLength ? `must be ${definition.maxLength}` : `needs at least ${definition.minLength}`;
      errors.push({ ai, code: 'truncated', message: `${label} has ${data.length} characters; it ${expected}` });
      return undefined;
    }
    if (!isInGs1Charset(part, component.charset)) {
      const allowed = component.charset === 'N' ? 'must be digits only' : 'contains characters not allowed in GS1 data';
      errors.push({ ai, code: 'invalid-characters', message: `${label} "${data}" ${allowed}` });
      return undefined;
    }
    for (const check of component.checks) {
      const failure = runGs1Check(check, part, { referenceYear });
      if (!failure) continue;
      const error: Gs1Error = { ai, code: failure.code, message: `${label} ${failure.message}` };
      if (failure.code === 'bad-check-digit' && ai === '01') {
        error.gtin = data;
        error.expectedCheckDigit = failure.expectedCheckDigit;
      } else if (failure.expectedCheckDigit !== undefined) {
        error.expectedCheckDigit = failure.expectedCheckDigit;
      }
      errors.push(error);
    }
  }
  if (pos < data.length) errors.push({ ai, code: 'too-long', message: `${label} has ${data.length - pos} characters too many` });
  return errors.length === before ? definition : undefined;
}

/** The fields the clinic uses, from data already checked. */
function udiFields(values: ReadonlyMap<string, string>, referenceDate: IsoDate): Omit<Gs1Udi, 'elements' | 'elementString'> {
  const get = (ai: string) => values.get(ai);
  const udi: Omit<Gs1Udi, 'elements' | 'elementString'> = { gtin: get('01') ?? '' };
  const lot = get('10');
  if (lot !== undefined) udi.lot = lot;
  const serial = get('21');
  if (serial !== undefined) udi.serial = serial;
  const made = get('11');
  if (made !== undefined) udi.productionDate = parseGs1Date(made, referenceDate, 'first_day_of_month') ?? undefined;
  const expiry = get('17');
  if (expiry !== undefined) udi.expiryDate = parseGs1Date(expiry, referenceDate, 'last_day_of_month') ?? undefined;
  const additional = get('240');
  if (additional !== undefined) udi.additionalProductId = additional;
  const expiryTime = get('7003');
  if (expiryTime !== undefined) {
    const date = parseGs1Date(expiryTime.slice(0, 6), referenceDate, 'last_day_of_month');
    if (date) udi.expiryDateTime = `${date}T${expiryTime.slice(6, 8)}:${expiryTime.slice(8, 10)}`;
  }
  const count = get('30');
  if (count !== undefined) udi.count = Number(count);
  return udi;
}

/**
 * Parses a GS1 UDI string as scanned (optional GS1 symbology identifier `]d2`, `]C1`, `]Q3` or `]e0`; GS after
 * fields that need one) or in human-readable form `(01)00812345678901(17)270300(10)LOT42A` (domain.md section 10).
 * Every AI of the GS1 table is read and checked against its format; AIs may come in any order. The GTIN (01) is
 * required. A repeated AI with the same data is accepted, with different data it is an error. A scan from a non-GS1
 * symbol (e.g. `]d1`) is refused. All problems found are reported together.
 */
export function parseGs1(input: string, options: Gs1ParseOptions = {}): Gs1ParseResult {
  const referenceDate = options.referenceDate ?? utcIsoDate();
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${referenceDate}"`);
  const { symbologyIdentifier, text } = unframeScan(input);
  if (!isGs1SymbologyIdentifier(symbologyIdentifier)) {
    const what = describeSymbologyIdentifier(symbologyIdentifier ?? '');
    return {
      ok: false,
      errors: [{ code: 'not-gs1', message: `The scanner read ${what}, which carries no GS1 data (GS1 symbols report ${GS1_SYMBOLOGY_IDENTIFIERS.join(', ')})` }],
    };
  }
  if (text.length === 0) return { ok: false, errors: [{ code: 'empty', message: 'No barcode data' }] };

  const { elements, errors } = text.startsWith('(') ? tokenizeParenthesisedGs1(text) : tokenizeRawGs1(text);
  const referenceYear = parseIsoDate(referenceDate).year;
  const values = new Map<string, string>();
  const read: Gs1ReadElement[] = [];
  for (const element of elements) {
    const previous = values.get(element.ai);
    if (previous !== undefined || errors.some((e) => e.ai === element.ai)) {
      if (previous !== undefined && previous !== element.data) {
        errors.push({ ai: element.ai, code: 'duplicate-ai', message: `Application identifier (${element.ai}) appears twice with different data` });
      }
      continue;
    }
    const definition = checkElement(element, referenceYear, errors);
    if (!definition) continue;
    values.set(element.ai, element.data);
    read.push({ ...element, title: definition.title });
  }
  const gtinReported = values.has('01') || errors.some((e) => e.ai === '01');
  if (!gtinReported) errors.push({ ai: '01', code: 'missing-gtin', message: 'The barcode has no GTIN (01)' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...udiFields(values, referenceDate), elements: read, elementString: formatGs1ElementString(read) } };
}
