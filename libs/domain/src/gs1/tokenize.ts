import { GS1_GROUP_SEPARATOR, gs1AiAt } from './application-identifiers';
import type { Gs1Error } from './errors';
import { unframeScan } from './symbology';

/** One AI and its raw data as found in the input, before validation. */
export interface Gs1Element {
  ai: string;
  data: string;
}

export interface Gs1Tokens {
  elements: Gs1Element[];
  errors: Gs1Error[];
}

/** Removes the scanner's line ending, symbology identifier and a leading FNC1 sent as GS. */
export function stripGs1Framing(input: string): string {
  return unframeScan(input).text;
}

/**
 * Raw (scanned) form: AIs follow each other. An AI of the predefined-length table (GS1 General Specifications
 * Figure 7.8.5-2) has a known length and needs no separator; any other field ends at GS or at the end of the input
 * (domain.md section 10). A stray GS after a fixed field is tolerated. An AI not in the GS1 table stops reading,
 * because where its data end, and so where the next AI starts, is unknown.
 */
export function tokenizeRawGs1(text: string): Gs1Tokens {
  const elements: Gs1Element[] = [];
  const errors: Gs1Error[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === GS1_GROUP_SEPARATOR) {
      pos++;
      continue;
    }
    const definition = gs1AiAt(text, pos);
    if (!definition) {
      const digits = /^\d*/.exec(text.slice(pos, pos + 4))?.[0] ?? '';
      if (digits.length === 0) {
        errors.push({ code: 'malformed', message: `Expected an application identifier at position ${pos + 1}, found "${text.slice(pos, pos + 2)}"` });
      } else if (pos + digits.length >= text.length && digits.length < 4) {
        errors.push({ code: 'truncated', message: `Input ends inside an application identifier ("${digits}")` });
      } else {
        const ai = digits.slice(0, 2);
        errors.push({ ai, code: 'unknown-ai', message: `No GS1 application identifier starts with "${ai}" (position ${pos + 1}); the rest cannot be read` });
      }
      break;
    }
    const { ai } = definition;
    pos += ai.length;
    const separatorAt = text.indexOf(GS1_GROUP_SEPARATOR, pos);
    const fieldEnd = separatorAt < 0 ? text.length : separatorAt;
    if (definition.predefinedLength) {
      const length = definition.maxLength;
      const data = text.slice(pos, Math.min(pos + length, fieldEnd));
      if (data.length < length) {
        errors.push({ ai, code: 'truncated', message: `${gs1AiLabel(ai, definition.title)} has ${data.length} of ${length} characters` });
        if (separatorAt < 0) break;
        pos = separatorAt + 1;
        continue;
      }
      elements.push({ ai, data });
      pos += data.length;
    } else {
      elements.push({ ai, data: text.slice(pos, fieldEnd) });
      pos = fieldEnd + 1;
    }
  }
  return { elements, errors };
}

/**
 * Human-readable form: each AI in parentheses followed by its data, e.g. `(01)00812345678905(17)270300(10)LOT42A`.
 * A `(` inside data is written `\(`. Spaces and GS around data are ignored. Every AI is read, known or not, since the
 * parentheses mark the bounds.
 */
export function tokenizeParenthesisedGs1(text: string): Gs1Tokens {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < text.length) {
    const marker = /^\((\d{2,4})\)/.exec(text.slice(pos));
    if (!marker) {
      const message =
        pos === 0
          ? 'Human-readable GS1 data must start with an application identifier in parentheses, e.g. (01)'
          : `Expected an application identifier in parentheses at position ${pos + 1}`;
      return { elements, errors: [{ code: 'malformed', message }] };
    }
    pos += marker[0].length;
    let data = '';
    while (pos < text.length && text[pos] !== '(') {
      if (text[pos] === '\\' && text[pos + 1] === '(') {
        data += '(';
        pos += 2;
      } else {
        data += text[pos];
        pos += 1;
      }
    }
    elements.push({ ai: marker[1], data: data.split(GS1_GROUP_SEPARATOR).join('').trim() });
  }
  return { elements, errors: [] };
}

/** The element string in human-readable form, a `(` in data escaped as `\(`, e.g. `(01)00812345678901(10)A1`. */
export function formatGs1ElementString(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.data.replaceAll('(', '\\(')}`).join('');
}

/** Names the clinic reads for the AIs of device labels; other AIs go by their GS1 data title. */
const AI_NAMES: Readonly<Record<string, string>> = {
  '00': 'SSCC',
  '01': 'GTIN',
  '02': 'GTIN of contained items',
  '10': 'Lot',
  '11': 'Production date',
  '17': 'Expiry date',
  '21': 'Serial number',
  '22': 'Consumer product variant',
  '240': 'Additional product id',
  '30': 'Count',
  '7003': 'Expiry date and time',
  '8020': 'Payment slip reference',
};

/** E.g. `Expiry date (17)`, `NHRN PZN (710)`. */
export function gs1AiLabel(ai: string, title?: string): string {
  return `${AI_NAMES[ai] ?? title ?? 'Application identifier'} (${ai})`;
}
