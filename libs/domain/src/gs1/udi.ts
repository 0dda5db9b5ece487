import type { IsoDate } from '../dates';
import type { Gs1Error } from './errors';
import { isHibc, parseHibc, type HibcUdi } from './hibc';
import { parseGs1, type Gs1Udi } from './parse';

/** A device label read as GS1 or as HIBC (domain.md section 10: many device labels still use HIBC). */
export type ScannedUdi = ({ kind: 'gs1' } & Gs1Udi) | ({ kind: 'hibc' } & HibcUdi);

export type UdiParseResult = { ok: true; value: ScannedUdi } | { ok: false; errors: Gs1Error[] };

/** Reads a scanned or typed device label: HIBC when it starts with `+`, else GS1 (raw or human-readable form). */
export function parseUdi(input: string, options: { referenceDate?: IsoDate | undefined } = {}): UdiParseResult {
  if (isHibc(input)) {
    const result = parseHibc(input, options);
    return result.ok ? { ok: true, value: { kind: 'hibc', ...result.value } } : result;
  }
  const result = parseGs1(input, options);
  return result.ok ? { ok: true, value: { kind: 'gs1', ...result.value } } : result;
}
