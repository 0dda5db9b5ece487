import { GS1_REFERENCE_DATE, GS1_VECTORS, parseGs1, type UdiVector } from '@skinledger/domain';

/**
 * Cross-check of the domain's GS1 parser against an independent one nobody on the team wrote: gs1-barcode-parser-mod
 * (the maintained fork of Peter Brockfeld's BarcodeParser, 226 AIs), over the domain's GS1 label vectors.
 *
 * Where both read a label, they must split it into the same AIs and data, and read expiry (17) to the same date.
 * The other parser checks no check digits, calendar dates beyond rolling them over (17 271301 becomes 2028-01-01),
 * field lengths or character sets, so the labels the domain refuses for their content it reads; the labels the domain
 * refuses for their structure (a non-GS1 symbol, an AI not in the table) it must refuse too. The few labels read
 * differently are listed below with the reason, and the list must stay exact.
 */
type Item = { ai: string; raw: string; data: unknown };
// A CommonJS package without types.
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: (code: string) => { parsedCodeItems: Item[] } };

/** Labels the two parsers read differently, and why the domain's reading is the one the GS1 General Specifications give. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'the same AI twice with the same data': 'the other parser lists the repeated element twice; the domain keeps it once',
  'a "(" in bracketed data written \\(': 'the other parser does not read the \\( escape of the human-readable form',
  'harvest date range (7007), optional second date': 'the other parser refuses the optional second date of 7007 (N6 [N6])',
  'leading FNC1 sent as GS, scanner line ending': 'the other parser refuses the leading FNC1 some scanners send as a GS after ]d2',
  'production date (11) with day 00 gives the first day': 'the other parser reads day 00 of (11) as the month end; the GenSpecs define that only for 15, 16 and 17',
};

/** Error codes of content rules the other parser does not check. */
const CONTENT_CODES = new Set(['bad-check-digit', 'invalid-date', 'invalid-time', 'invalid-value', 'invalid-characters', 'too-long', 'truncated', 'duplicate-ai', 'missing-gtin']);

function theirs(input: string): Item[] | null {
  try {
    // A scanner's line ending is not part of the data; the other parser does not trim it.
    return parseBarcode(input.trim()).parsedCodeItems;
  } catch {
    return null;
  }
}

const dateOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : undefined);

function readsTheSame(vector: UdiVector): boolean {
  const ours = parseGs1(vector.input, { referenceDate: GS1_REFERENCE_DATE });
  const other = theirs(vector.input);
  if (!ours.ok || other === null) return false;
  const sameElements =
    JSON.stringify(ours.value.elements.map((e) => [e.ai, e.data])) === JSON.stringify(other.map((i) => [i.ai, i.raw]));
  const otherExpiry = dateOf(other.find((i) => i.ai === '17')?.data);
  const otherMade = dateOf(other.find((i) => i.ai === '11')?.data);
  return sameElements && otherExpiry === ours.value.expiryDate && otherMade === ours.value.productionDate;
}

describe('GS1 parsing cross-checked against gs1-barcode-parser-mod', () => {
  const accepted = GS1_VECTORS.filter((v) => parseGs1(v.input, { referenceDate: GS1_REFERENCE_DATE }).ok);
  const refused = GS1_VECTORS.filter((v) => !parseGs1(v.input, { referenceDate: GS1_REFERENCE_DATE }).ok);

  it('reads every label the domain accepts the same way, but for the listed differences', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(35);
    const differing = accepted.filter((v) => !readsTheSame(v)).map((v) => v.name);
    expect(differing.sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
  });

  it('refuses too what the domain refuses for its structure: a non-GS1 symbol, an AI not in the table', () => {
    const structural = refused.filter((v) => {
      const result = parseGs1(v.input, { referenceDate: GS1_REFERENCE_DATE });
      return !result.ok && result.errors.some((e) => e.code === 'not-gs1' || e.code === 'unknown-ai');
    });
    expect(structural.length).toBeGreaterThanOrEqual(5);
    for (const vector of structural) expect({ name: vector.name, read: theirs(vector.input) }).toEqual({ name: vector.name, read: null });
  });

  it('leaves only content rules to the domain: every other refusal is one the other parser does not check', () => {
    for (const vector of refused) {
      const result = parseGs1(vector.input, { referenceDate: GS1_REFERENCE_DATE });
      if (result.ok || theirs(vector.input) === null) continue;
      expect({ name: vector.name, codes: result.errors.map((e) => e.code).filter((c) => !CONTENT_CODES.has(c)) }).toEqual({ name: vector.name, codes: [] });
    }
  });

  it('reads the tester’s labels to the same elements', () => {
    const label = '0100850031370012240PEN-14N\u001d1727033110LOTNEW1';
    expect(theirs(label)?.map((i) => [i.ai, i.raw])).toEqual([
      ['01', '00850031370012'],
      ['240', 'PEN-14N'],
      ['17', '270331'],
      ['10', 'LOTNEW1'],
    ]);
    const parsed = parseGs1(label, { referenceDate: GS1_REFERENCE_DATE });
    expect(parsed.ok && parsed.value.elements.map((e) => [e.ai, e.data])).toEqual(theirs(label)?.map((i) => [i.ai, i.raw]));
  });
});
