import fc from 'fast-check';

/**
 * A JSON value nested `depth` levels deep (arrays or objects). Kept as a marker and written out by
 * `toJson`, so thousands of levels never go through a recursive JSON.stringify in the test itself.
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly shape: 'array' | 'object',
  ) {}

  toRawJson(): string {
    return this.shape === 'array' ? `${'['.repeat(this.depth)}${']'.repeat(this.depth)}` : `${'{"a":'.repeat(this.depth)}1${'}'.repeat(this.depth)}`;
  }
}

/**
 * Until the request guards (32-level limit) are merged, deep bodies still reach the validators (~3,000 levels
 * overflow their stack, a few hundred are stored or fail): FUZZ_DEEP_NESTING=0 parks only the deep-nesting
 * generator (a few hundred and ~3,000 levels). Default on, as in CI.
 */
export const DEEP_NESTING = process.env.FUZZ_DEEP_NESTING !== '0';

/**
 * Until the request guards make Fastify's own router errors problem documents (414 for a path segment over 100
 * characters, 400 FST_ERR_BAD_URL for invalid UTF-8 in a path), FUZZ_FRAMEWORK_ERRORS=0 parks only those path
 * values. Default on, as in CI.
 */
export const FRAMEWORK_ERRORS = process.env.FUZZ_FRAMEWORK_ERRORS !== '0';

const MARKER = /"\\u0001deep:(\d+):(array|object)\\u0001"/g;

/** JSON text of a generated value, deep markers expanded. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Deep ? `\u0001deep:${v.depth}:${v.shape}\u0001` : v));
  return text.replace(MARKER, (_m, depth: string, shape: 'array' | 'object') => new Deep(Number(depth), shape).toRawJson());
}

/** An object with an own enumerable key, `__proto__` included (an object literal would set the prototype). */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = copyOwn(target);
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A shallow copy that keeps own keys such as `__proto__` as data (spreading would too; assigning would not). */
export function copyOwn(target: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(target)) Object.defineProperty(copy, k, { value: target[k], enumerable: true, writable: true, configurable: true });
  return copy;
}

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\uD800@x.com',
  '\uD800',
  '\uDC00x',
  'x'.repeat(100_000),
  'é'.repeat(5_000),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-W05-3',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  'true',
  'null',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '\u202Eevil',
  '🧪'.repeat(300),
];

export const HOSTILE_NUMBERS = [0, -1, -0.5, 1.5, 0.000001, 2 ** 31, 2 ** 53 + 1, -(2 ** 31) - 1, 1e308, -1e308];

function ownKeyObject(key: string, value: unknown): Record<string, unknown> {
  return withKey({}, key, value);
}

/** Values that no field of a clinic's API should crash on, JSON-shaped. */
export function hostileValue(otherIds: () => string[]): fc.Arbitrary<unknown> {
  const nesting = [300, 3000].flatMap((depth) => [fc.constant(new Deep(depth, 'array')), fc.constant(new Deep(depth, 'object'))]);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], ...HOSTILE_NUMBERS) },
    ...(DEEP_NESTING ? [{ weight: 2, arbitrary: fc.oneof(...nesting) }] : []),
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ownKeyObject('__proto__', { polluted: true }),
        ownKeyObject('constructor', { prototype: { polluted: true } }),
        ownKeyObject('toString', 1),
      ),
    },
    { weight: 2, arbitrary: fc.constant(null).map(() => otherIds()).chain((ids) => (ids.length ? fc.constantFrom(...ids) : fc.uuid())) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** Strings for a path segment or a query value: hostile text, percent-encoded as a client would send it. */
export function hostileParameter(otherIds: () => string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000 && !/[\uD800-\uDFFF]/.test(s))).map(encodeURIComponent),
    // A lone surrogate cannot be percent-encoded as UTF-8: send the invalid bytes a raw client would.
    fc.constantFrom('..', '%2e%2e', '%2F', '%40', '%20'),
    ...(FRAMEWORK_ERRORS ? [fc.constantFrom('%ED%A0%80', 'a%ED%A0%80%40x.com', '%FF', '%', '%2', 'x'.repeat(5_000))] : []),
    fc.constant(null).map(() => otherIds()).chain((ids) => (ids.length ? fc.constantFrom(...ids) : fc.uuid())),
    fc.uuid(),
    fc.string({ unit: FRAMEWORK_ERRORS ? 'binary' : 'grapheme', maxLength: 30 }).map(encodeForUrl),
    fc.integer().map(String),
    fc.double({ noNaN: true }).map(String),
  );
}

/** encodeURIComponent, except lone surrogates go out as the invalid UTF-8 a raw client could send. */
export function encodeForUrl(value: string): string {
  return value.replace(/[\uD800-\uDFFF]/g, (c, offset: number) => {
    const pairStart = /[\uD800-\uDBFF]/.test(c) && /[\uDC00-\uDFFF]/.test(value[offset + 1] ?? '');
    const pairEnd = /[\uDC00-\uDFFF]/.test(c) && /[\uD800-\uDBFF]/.test(value[offset - 1] ?? '');
    return pairStart || pairEnd ? c : '\uFFFD';
  }).replace(/[^]/gu, (c) => (c === '\uFFFD' ? '%ED%A0%80' : encodeURIComponent(c)));
}
