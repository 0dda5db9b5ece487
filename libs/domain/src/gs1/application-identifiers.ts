import { GS1_AI_TABLE } from './ai-table';
import { gs1PredefinedLength } from './predefined-length';

/** ASCII 29, the GS that ends a variable-length field unless it is last (domain.md section 10). */
export const GS1_GROUP_SEPARATOR = '\u001d';

/** N digits, X character set 82, Y character set 39, Z character set 64 (base64url). */
export type Gs1Charset = 'N' | 'X' | 'Y' | 'Z';

/** One part of an AI's data field, e.g. `N6,yymmdd` of 7003's `N6,yymmdd N4,hhmi`. */
export interface Gs1AiComponent {
  charset: Gs1Charset;
  minLength: number;
  maxLength: number;
  /** An optional component may be left out when the data end before it. */
  optional: boolean;
  /** Content rules (check digit, date, time ...), by their GS1 Syntax Dictionary names. */
  checks: readonly string[];
}

export interface Gs1AiDefinition {
  ai: string;
  /** The GS1 data title, e.g. `USE BY or EXPIRY`. */
  title: string;
  /** The format as written in the AI table, e.g. `N6,yymmdd N4,hhmi`. */
  format: string;
  components: readonly Gs1AiComponent[];
  minLength: number;
  maxLength: number;
  /** True when the data always have `maxLength` characters. */
  fixedLength: boolean;
  /** True when the AI is in the predefined-length table: its field ends by length, never with a separator. */
  predefinedLength: boolean;
}

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/;

/** Reads one format component such as `N6,yymmd0`, `X..20` or `[N3],iso3166`. */
export function parseGs1Component(text: string): Gs1AiComponent {
  const match = COMPONENT.exec(text);
  if (!match || Boolean(match[1]) !== Boolean(match[5])) throw new Error(`Bad GS1 format component "${text}"`);
  const length = Number(match[4]);
  return {
    charset: match[2] as Gs1Charset,
    minLength: match[3] ? 1 : length,
    maxLength: length,
    optional: Boolean(match[1]),
    checks: match[6] ? match[6].slice(1).split(',') : [],
  };
}

function defineAi(ai: string, format: string, title: string): Gs1AiDefinition {
  const components = format.split(' ').map(parseGs1Component);
  const minLength = components.filter((c) => !c.optional).reduce((sum, c) => sum + c.minLength, 0);
  const maxLength = components.reduce((sum, c) => sum + c.maxLength, 0);
  return {
    ai,
    title,
    format,
    components,
    minLength,
    maxLength,
    fixedLength: minLength === maxLength,
    predefinedLength: gs1PredefinedLength(ai) !== null,
  };
}

/** Every AI of the table by its digits; a range such as 3100-3105 gives one entry per AI. */
export const GS1_AI_DEFINITIONS: ReadonlyMap<string, Gs1AiDefinition> = (() => {
  const definitions = new Map<string, Gs1AiDefinition>();
  for (const [ais, format, title] of GS1_AI_TABLE) {
    const [first, last = first] = ais.split('-');
    for (let n = Number(first); n <= Number(last); n++) {
      const ai = String(n).padStart(first.length, '0');
      definitions.set(ai, defineAi(ai, format, title));
    }
  }
  return definitions;
})();

/** The definition of an AI given exactly, or undefined when the table has no such AI. */
export function gs1Ai(ai: string): Gs1AiDefinition | undefined {
  return GS1_AI_DEFINITIONS.get(ai);
}

/**
 * The AI that starts `text` at `position`: AIs are 2 to 4 digits and no AI is the start of another, so at most one
 * matches.
 */
export function gs1AiAt(text: string, position: number): Gs1AiDefinition | undefined {
  for (let length = 2; length <= 4; length++) {
    const candidate = text.slice(position, position + length);
    if (!/^\d+$/.test(candidate) || candidate.length < length) return undefined;
    const definition = GS1_AI_DEFINITIONS.get(candidate);
    if (definition) return definition;
  }
  return undefined;
}

/** GS1 AI encodable character set 82, allowed in lots and serial numbers. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
/** GS1 AI encodable character set 39. */
const CSET39 = /^[#\-/0-9A-Z]*$/;
/** GS1 AI encodable character set 64 (file-safe base64, with = padding). */
const CSET64 = /^[A-Za-z0-9\-_=]*$/;
const DIGITS = /^\d*$/;

export function isGs1Cset82(value: string): boolean {
  return CSET82.test(value);
}

/** True when every character of `value` is in the component's character set. */
export function isInGs1Charset(value: string, charset: Gs1Charset): boolean {
  switch (charset) {
    case 'N':
      return DIGITS.test(value);
    case 'X':
      return CSET82.test(value);
    case 'Y':
      return CSET39.test(value);
    case 'Z':
      return CSET64.test(value);
  }
}
