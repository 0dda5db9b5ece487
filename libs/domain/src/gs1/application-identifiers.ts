/** ASCII 29, the GS that ends a variable-length field unless it is last (domain.md section 10). */
export const GS1_GROUP_SEPARATOR = '\u001d';

export const SUPPORTED_GS1_AIS = ['01', '10', '11', '17', '21'] as const;
export type SupportedGs1Ai = (typeof SUPPORTED_GS1_AIS)[number];

export interface Gs1AiDefinition {
  ai: SupportedGs1Ai;
  name: string;
  /** Fixed-length fields need no separator; variable ones end with GS unless last. */
  length: { fixed: number } | { max: number };
  content: 'gtin' | 'date' | 'alphanumeric';
}

/** The application identifiers a device UDI uses (domain.md section 10). */
export const GS1_AI_DEFINITIONS: Readonly<Record<SupportedGs1Ai, Gs1AiDefinition>> = {
  '01': { ai: '01', name: 'GTIN', length: { fixed: 14 }, content: 'gtin' },
  '10': { ai: '10', name: 'Lot', length: { max: 20 }, content: 'alphanumeric' },
  '11': { ai: '11', name: 'Production date', length: { fixed: 6 }, content: 'date' },
  '17': { ai: '17', name: 'Expiry date', length: { fixed: 6 }, content: 'date' },
  '21': { ai: '21', name: 'Serial number', length: { max: 20 }, content: 'alphanumeric' },
};

export function isSupportedGs1Ai(ai: string): ai is SupportedGs1Ai {
  return (SUPPORTED_GS1_AIS as readonly string[]).includes(ai);
}

/** GS1 AI encodable character set 82, allowed in lots and serial numbers. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export function isGs1Cset82(value: string): boolean {
  return CSET82.test(value);
}
