import { GS1_AI_DEFINITIONS, GS1_GROUP_SEPARATOR, isSupportedGs1Ai } from './application-identifiers';
import type { Gs1Error } from './errors';

/** One AI and its raw data as found in the input, before validation. */
export interface Gs1Element {
  ai: string;
  data: string;
}

export interface Gs1Tokens {
  elements: Gs1Element[];
  errors: Gs1Error[];
}

/** Scanner symbology identifier such as `]d2` (DataMatrix), `]C1` (GS1-128), `]Q3` (QR), `]e0` (DataBar). */
const SYMBOLOGY_PREFIX = /^\][A-Za-z][0-9]/;

/** Removes the scanner's line ending, symbology identifier and a leading FNC1 sent as GS. */
export function stripGs1Framing(input: string): string {
  let text = input.trim().replace(SYMBOLOGY_PREFIX, '');
  while (text.startsWith(GS1_GROUP_SEPARATOR)) text = text.slice(1);
  return text.trim();
}

/**
 * Raw (scanned) form: AIs follow each other; a fixed-length field has a known length, a variable one ends at GS
 * or at the end of the input (domain.md section 10). A stray GS after a fixed field is tolerated. An unknown AI
 * stops reading, because its length, and so where the next AI starts, is unknown.
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
    const ai = text.slice(pos, pos + 2);
    if (!/^\d{2}$/.test(ai)) {
      const message = ai.length < 2 ? `Input ends inside an application identifier ("${ai}")` : `Expected an application identifier at position ${pos + 1}, found "${ai}"`;
      errors.push({ code: ai.length < 2 ? 'truncated' : 'malformed', message });
      break;
    }
    if (!isSupportedGs1Ai(ai)) {
      errors.push({ ai, code: 'unknown-ai', message: `Unsupported application identifier starting "${ai}" at position ${pos + 1}; the rest cannot be read` });
      break;
    }
    const definition = GS1_AI_DEFINITIONS[ai];
    pos += 2;
    const separatorAt = text.indexOf(GS1_GROUP_SEPARATOR, pos);
    const fieldEnd = separatorAt < 0 ? text.length : separatorAt;
    if ('fixed' in definition.length) {
      const data = text.slice(pos, Math.min(pos + definition.length.fixed, fieldEnd));
      if (data.length < definition.length.fixed) {
        errors.push({ ai, code: 'truncated', message: `${definition.name} (${ai}) has ${data.length} of ${definition.length.fixed} characters` });
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

const AI_MARKER = /\((\d{2,4})\)/g;

/**
 * Human-readable form: each AI in parentheses followed by its data, e.g. `(01)00812345678905(17)270300(10)LOT42A`.
 * Spaces and GS around data are ignored. Every AI is read, known or not, since the parentheses mark the bounds.
 */
export function tokenizeParenthesisedGs1(text: string): Gs1Tokens {
  const elements: Gs1Element[] = [];
  const errors: Gs1Error[] = [];
  const markers = [...text.matchAll(AI_MARKER)];
  if (markers.length === 0 || markers[0].index !== 0) {
    return { elements, errors: [{ code: 'malformed', message: 'Human-readable GS1 data must start with an application identifier in parentheses, e.g. (01)' }] };
  }
  markers.forEach((marker, i) => {
    const dataStart = (marker.index ?? 0) + marker[0].length;
    const dataEnd = i + 1 < markers.length ? markers[i + 1].index ?? text.length : text.length;
    const data = text.slice(dataStart, dataEnd).split(GS1_GROUP_SEPARATOR).join('').trim();
    elements.push({ ai: marker[1], data });
  });
  return { elements, errors };
}
