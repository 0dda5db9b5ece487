import fc from 'fast-check';
import { resolve, type Schema } from './openapi-model';

/** Ids the fuzzer can aim at: the signed-in organization's records by kind, and another organization's. */
export interface IdPool {
  /** Own ids that fit a field or path segment named like this (`patientId`, `/api/lots/{id}`), else every own id. */
  forName(name: string): string[];
  /** Ids of another organization's records (must answer 404, never touch them). */
  foreign(): string[];
}

/** Today ± a year and a half, as YYYY-MM-DD. */
const calendarDate = fc.integer({ min: -540, max: 540 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
const instant = fc
  .tuple(fc.integer({ min: -60, max: 400 }), fc.integer({ min: 0, max: 95 }))
  .map(([days, quarter]) => new Date(Math.floor(Date.now() / 86_400_000 + days) * 86_400_000 + quarter * 900_000).toISOString());

function idArbitrary(ids: IdPool, name: string): fc.Arbitrary<string> {
  const own = ids.forName(name);
  return fc.oneof({ weight: 8, arbitrary: own.length ? fc.constantFrom(...own) : fc.uuid() }, { weight: 1, arbitrary: fc.uuid() });
}

/** Strings that pass the field's likely rule, guessed from its name and example. */
function stringArbitrary(schema: Schema & { example?: unknown }, name: string, ids: IdPool): fc.Arbitrary<string> {
  if (schema.format === 'uuid' || /Id$/.test(name)) return idArbitrary(ids, name);
  if (schema.format === 'date' || /On$|^dateOfBirth$/.test(name)) return calendarDate;
  if (schema.format === 'date-time' || /At$/.test(name)) return instant;
  if (/email/i.test(name)) return fc.integer({ min: 1, max: 1_000_000 }).map((n) => `fuzz${n}@clinic.test`);
  if (/^password$/.test(name)) return fc.constant('correct horse battery staple');
  if (/password/i.test(name)) return fc.constantFrom('a long enough passphrase 1', 'short');
  if (/timezone/i.test(name)) return fc.constantFrom('America/New_York', 'Europe/Paris', 'UTC');
  if (/signature/i.test(name)) return fc.constant(SIGNATURE_PNG);
  const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
  const text = fc.string({ minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.min(schema.maxLength ?? 24, 24) });
  return fc.oneof(...example, text);
}

/** A small PNG data URL, the shape of a finger signature. */
const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Merges `allOf` parts (the document uses them to wrap one `$ref`) into one object schema. */
export function flatten(schema: Schema): Schema {
  const own = resolve(schema);
  if (!own.allOf) return own;
  const parts = own.allOf.map(flatten);
  return {
    ...own,
    allOf: undefined,
    type: own.type ?? parts.find((p) => p.type)?.type,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), own.properties ?? {}),
    required: [...(own.required ?? []), ...parts.flatMap((p) => p.required ?? [])],
    additionalProperties: own.additionalProperties ?? parts.find((p) => p.additionalProperties !== undefined)?.additionalProperties,
  };
}

/**
 * Values the schema allows, aimed at this organization's records, so that requests get past the DTO and
 * reach the services' own rules. They are only "valid-ish": a service may still refuse them (4xx).
 */
export function validValue(schema: Schema, ids: IdPool, name = '', depth = 0): fc.Arbitrary<unknown> {
  const own = flatten(schema);
  const value = nonNullValue(own, ids, name, depth);
  return own.nullable ? fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function nonNullValue(schema: Schema & { example?: unknown }, ids: IdPool, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema, name, ids);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min + 100, 100);
      const integer = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      if (schema.type === 'integer') return integer;
      const example = typeof schema.example === 'number' ? [fc.constant(schema.example)] : [];
      return fc.oneof(integer, ...example, fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth > 4 || !schema.items) return fc.constant([]);
      return fc.array(validValue(schema.items, ids, singular(name), depth + 1), { maxLength: 3 });
    case 'object':
    case undefined: {
      if (!schema.properties && !schema.additionalProperties) return schema.type ? fc.constant({}) : fc.jsonValue({ maxDepth: 1 });
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(property, ids, key, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
      );
      const extra = schema.additionalProperties;
      if (!extra) return record;
      const values = extra === true ? fc.jsonValue({ maxDepth: 1 }) : validValue(extra, ids, name, depth + 1);
      return fc.tuple(record, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 2 })).map(([r, d]) => ({ ...d, ...r }));
    }
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
