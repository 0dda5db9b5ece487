import { parseUdi, type UdiParseResult } from './udi';
import { GS1_REFERENCE_DATE, GS1_VECTORS, HIBC_VECTORS, type UdiVector } from './udi-vectors';

const errorKeys = (result: UdiParseResult) => (result.ok ? [] : result.errors.map((e) => `${e.ai ?? '-'}:${e.code}`));

function check({ input, expect: expected }: UdiVector, kind: 'gs1' | 'hibc') {
  const result = parseUdi(input, { referenceDate: GS1_REFERENCE_DATE });
  if ('errors' in expected) {
    expect(errorKeys(result)).toEqual(expected.errors);
    return;
  }
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${JSON.stringify(result.errors)}`);
  expect(result.value.kind).toBe(kind);
  expect(result.value).toMatchObject(expected.fields);
  if (expected.elementString !== undefined && result.value.kind === 'gs1') expect(result.value.elementString).toBe(expected.elementString);
}

describe('device label vectors (GS1 General Specifications, HIBC 2.6)', () => {
  it('has at least 60 vectors', () => {
    expect(GS1_VECTORS.length + HIBC_VECTORS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(GS1_VECTORS.map((v) => [v.name, v] as const))('GS1: %s', (_name, vector) => check(vector, 'gs1'));

  it.each(HIBC_VECTORS.map((v) => [v.name, v] as const))('HIBC: %s', (_name, vector) => check(vector, 'hibc'));

  it('names the AI in every refusal that concerns one', () => {
    for (const vector of GS1_VECTORS) {
      if (!('errors' in vector.expect)) continue;
      const result = parseUdi(vector.input, { referenceDate: GS1_REFERENCE_DATE });
      if (result.ok) continue;
      for (const error of result.errors) if (error.ai) expect(error.message).toContain(error.ai);
    }
  });

  it('reads back its own element string to the same fields', () => {
    for (const vector of GS1_VECTORS) {
      const first = parseUdi(vector.input, { referenceDate: GS1_REFERENCE_DATE });
      if (!first.ok || first.value.kind !== 'gs1') continue;
      const again = parseUdi(first.value.elementString, { referenceDate: GS1_REFERENCE_DATE });
      expect(again).toEqual(first);
    }
  });
});
