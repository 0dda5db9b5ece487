/**
 * The element strings with a predefined length (GS1 General Specifications, Figure 7.8.5-2): an AI starting with
 * one of these two digits has a fixed total length (AI + data) and needs no FNC1/GS separator after it. Every other
 * AI needs a separator unless it is the last in the symbol, even when its data happen to be of fixed length
 * (e.g. 7003, N10). The table also lists prefixes with no AI allocated today (04, 14, 18, 19); they stay in it
 * because the table is fixed so that old decoders keep working.
 */
export const GS1_PREDEFINED_LENGTHS: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

/** The total length (AI + data) of an element string whose AI needs no separator, else null. */
export function gs1PredefinedLength(ai: string): number | null {
  return GS1_PREDEFINED_LENGTHS[ai.slice(0, 2)] ?? null;
}
