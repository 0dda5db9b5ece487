import { GS1_GROUP_SEPARATOR } from './application-identifiers';

/**
 * The symbology identifiers (ISO/IEC 15424) a scanner sends before GS1 data: Data Matrix with FNC1 first (`]d2`),
 * GS1-128 (`]C1`), QR Code with FNC1 first (`]Q3`) and GS1 DataBar (`]e0`). Any other identifier, e.g. `]d1` (a Data
 * Matrix without FNC1 first), says the symbol does not carry GS1 data (domain.md section 10).
 */
export const GS1_SYMBOLOGY_IDENTIFIERS = [']d2', ']C1', ']Q3', ']e0'] as const;

/** `]`, the symbology's letter and one modifier character, e.g. `]d2`, `]C0`, `]zB`. */
const SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

const SYMBOLOGY_NAMES: Readonly<Record<string, string>> = {
  A: 'Code 39',
  C: 'Code 128',
  d: 'Data Matrix',
  e: 'GS1 DataBar',
  E: 'EAN/UPC',
  L: 'PDF417',
  Q: 'QR Code',
  z: 'Aztec Code',
};

export interface FramedScan {
  /** The symbology identifier the scanner sent, or null when there was none. */
  symbologyIdentifier: string | null;
  /** The data, without identifier, scanner line ending or a leading FNC1 sent as GS. */
  text: string;
}

/** Removes the scanner's line ending, symbology identifier and a leading FNC1 sent as GS. */
export function unframeScan(input: string): FramedScan {
  let text = input.trim();
  const identifier = SYMBOLOGY_IDENTIFIER.exec(text)?.[0] ?? null;
  if (identifier) text = text.slice(identifier.length);
  while (text.startsWith(GS1_GROUP_SEPARATOR)) text = text.slice(1);
  return { symbologyIdentifier: identifier, text: text.trim() };
}

/** True for an identifier of a GS1 symbol (or none at all, as when the code is typed). */
export function isGs1SymbologyIdentifier(identifier: string | null): boolean {
  return identifier === null || (GS1_SYMBOLOGY_IDENTIFIERS as readonly string[]).includes(identifier);
}

/** In words: what kind of symbol the identifier names, e.g. "a Data Matrix (]d1)". */
export function describeSymbologyIdentifier(identifier: string): string {
  const name = SYMBOLOGY_NAMES[identifier[1]];
  return name ? `a ${name} symbol (${identifier})` : `a symbol of type ${identifier}`;
}
