import fc from 'fast-check';
import { copyOwn, Deep, encodeForUrl, hostileParameter, hostileValue, toJson, withKey } from './hostile-values';
import { resolve, type Operation, type Parameter, type Schema } from './openapi-model';
import { parameterProblems, schemaProblems } from './schema-check';
import { flatten, validValue, type IdPool } from './valid-values';

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string | null; text: string }
  | { kind: 'multipart'; fields: Record<string, string | undefined>; file?: { bytes: Uint8Array; type: string } };

/** One generated request, and what the document forbids in it (so a 2xx answer to it is a finding). */
export interface FuzzRequest {
  url: string;
  body: FuzzBody;
  forbidden: string[];
  /** Another organization's id in the path: the answer must not be 2xx. */
  foreignInPath: boolean;
}

type Mutation = { kind: 'none' } | { kind: 'replace'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'unknownKey'; at: number; key: string; value: unknown };

const UNKNOWN_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'organizationId', 'id', '', ' ', 'a\uD800', 'x'.repeat(300)];

/** Every place in a JSON value (objects' keys and arrays' items), as paths from the root. */
function placesIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value instanceof Deep || value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((item, i) => placesIn(item, [...at, i])) : Object.keys(value).map((k) => placesIn((value as Record<string, unknown>)[k], [...at, k]));
  return [at, ...children.flat()];
}

function containersIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  return placesIn(value, at).filter((place) => {
    const target = place.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
    return typeof target === 'object' && target !== null && !Array.isArray(target) && !(target instanceof Deep);
  });
}

/** A copy of `root` with `edit` applied to the container at `place` (shallow copies along the way). */
function editAt(root: unknown, place: (string | number)[], edit: (parent: unknown, key: string | number) => unknown): unknown {
  if (place.length === 0) return root;
  const [head, ...rest] = place;
  const copy: unknown = Array.isArray(root) ? [...root] : copyOwn(root as Record<string, unknown>);
  const container = copy as Record<string | number, unknown>;
  if (rest.length === 0) return edit(copy, head) ?? copy;
  container[head] = editAt(container[head], rest, edit);
  return copy;
}

function mutate(value: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'none') return value;
  if (mutation.kind === 'unknownKey') {
    const containers = containersIn(value);
    if (!containers.length) return value;
    const place = containers[mutation.at % containers.length];
    if (place.length === 0) return withKey(value as Record<string, unknown>, mutation.key, mutation.value);
    return editAt(value, place.slice(0, -1), (parent, key) => {
      const container = parent as Record<string | number, unknown>;
      container[key] = withKey(container[key] as Record<string, unknown>, mutation.key, mutation.value);
      return parent;
    });
  }
  const places = placesIn(value).filter((p) => p.length > 0);
  if (!places.length) return mutation.kind === 'replace' ? mutation.value : value;
  const place = places[mutation.at % places.length];
  return editAt(value, place, (parent, key) => {
    if (mutation.kind === 'replace') (parent as Record<string | number, unknown>)[key] = mutation.value;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string | number, unknown>)[key];
    return parent;
  });
}

function mutation(ids: IdPool): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 1000 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostileValue(() => ids.foreign()) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('unknownKey' as const), at, key: fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 10 })), value: hostileValue(() => ids.foreign()) }),
    },
  );
}

function jsonBody(schema: Schema, ids: IdPool): fc.Arbitrary<FuzzBody> {
  const derived = fc.tuple(validValue(schema, ids), mutation(ids)).map(([value, m]): FuzzBody => ({ kind: 'json', value: mutate(value, m) }));
  const wild = hostileValue(() => ids.foreign()).map((value): FuzzBody => ({ kind: 'json', value }));
  const raw = fc
    .tuple(
      fc.constantFrom('application/json', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', null),
      fc.oneof(fc.constantFrom('{', '{"a":', '[1,]', '\u0000', '', 'null', '"x"', '{"a":1}{"b":2}', '\ufeff{}', '{"__proto__":{"polluted":true}}'), fc.string({ maxLength: 40 })),
    )
    .map(([contentType, text]): FuzzBody => ({ kind: 'raw', contentType, text }));
  return fc.oneof({ weight: 6, arbitrary: derived }, { weight: 2, arbitrary: wild }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) });
}

/** A 1×1 PNG, the PNG signature followed by HTML, random bytes: what a photo upload may carry. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PNG_HTML = Buffer.concat([PNG_1X1.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]);

function multipartBody(schema: Schema, ids: IdPool): fc.Arbitrary<FuzzBody> {
  const properties = flatten(schema).properties ?? {};
  const text = fc.oneof(fc.constantFrom(...Object.values(properties).flatMap((p) => (resolve(p).enum ?? []) as string[])), hostileParameter(() => ids.foreign()).map(decodeURIComponentSafe));
  const file = fc.oneof(
    fc.constant({ bytes: new Uint8Array(PNG_1X1), type: 'image/png' }),
    fc.constant({ bytes: new Uint8Array(PNG_HTML), type: 'image/png' }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes, type: 'image/jpeg' })),
    fc.constant({ bytes: new Uint8Array(Buffer.from('{"a":1}')), type: 'application/json' }),
  );
  const fieldNames = Object.keys(properties).filter((k) => resolve(properties[k]).format !== 'binary');
  const fields = fc.record(Object.fromEntries([...fieldNames, 'extra'].map((k) => [k, text])), { requiredKeys: [] });
  const multipart = fc.record({ fields, file: fc.option(file, { nil: undefined }) }).map((m): FuzzBody => ({ kind: 'multipart', ...m }));
  return fc.oneof({ weight: 4, arbitrary: multipart }, { weight: 1, arbitrary: jsonBody({ type: 'object' }, ids) });
}

function csvBody(ids: IdPool): fc.Arbitrary<FuzzBody> {
  const header = 'externalId,firstName,lastName,dateOfBirth,sex,phone,email,fitzpatrickType,allergies,tags';
  const cell = fc.oneof(fc.constantFrom('A-1', 'Margaret', '1984-03-12', '2026-02-30', 'female', '+12125550100', 'a\uD800@x.com', '7', '-1', '"', '""', 'x'.repeat(5000), ';;', 'Surgical steel: nickel'), fc.string({ maxLength: 12 }));
  const row = fc.array(cell, { minLength: 0, maxLength: 11 }).map((cells) => cells.join(','));
  const document = fc.tuple(fc.constantFrom(header, '', 'firstName', '\ufeff' + header), fc.array(row, { maxLength: 4 })).map(([h, rows]) => [h, ...rows].join('\r\n'));
  return fc.oneof(
    { weight: 4, arbitrary: document.map((text): FuzzBody => ({ kind: 'raw', contentType: 'text/csv', text })) },
    { weight: 1, arbitrary: jsonBody({ type: 'object' }, ids) },
  );
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The body's own verdict: what the document forbids in it (any JSON is forbidden where none is described). */
function bodyProblems(operation: Operation, body: FuzzBody): string[] {
  const described = operation.body;
  if (body.kind === 'none') {
    if (!described) return [];
    const required = flatten(described.schema).required ?? [];
    return described.required && required.length ? ['body: missing'] : [];
  }
  if (!described) return [];
  if (body.kind === 'multipart') {
    if (described.mediaType !== 'multipart/form-data') return ['body: multipart where JSON is described'];
    const schema = flatten(described.schema);
    const missing = (schema.required ?? []).filter((k) => (resolve(schema.properties?.[k] ?? {}).format === 'binary' ? !body.file : body.fields[k] === undefined));
    const wrong = Object.entries(body.fields).filter(([, v]) => v !== undefined).flatMap(([k, v]) => (schema.properties?.[k] ? schemaProblems(schema.properties[k], v, `body.${k}`) : [`body.${k}: unknown field`]));
    return [...missing.map((k) => `body.${k}: required`), ...wrong];
  }
  if (body.kind === 'raw') {
    if (body.text === '') return bodyProblems(operation, { kind: 'none' });
    if (body.contentType !== described.mediaType) return [`body: sent as ${body.contentType ?? 'no media type'}, described as ${described.mediaType}`];
    if (described.mediaType !== 'application/json') return [];
    try {
      // A leading byte-order mark is allowed to be ignored (RFC 8259 §8.1), and Fastify does.
      return schemaProblems(described.schema, JSON.parse(body.text.replace(/^\ufeff/, '')));
    } catch {
      return ['body: not JSON'];
    }
  }
  if (described.mediaType !== 'application/json') return [`body: JSON where ${described.mediaType} is described`];
  return schemaProblems(described.schema, body.value);
}

function parameterValue(parameter: Parameter, ids: IdPool, route: string): fc.Arbitrary<string | string[] | undefined> {
  const schema = resolve(parameter.schema);
  const segment = parameter.name === 'id' ? (route.split('/{id}')[0].split('/').pop() ?? '') : parameter.name;
  const plausible: fc.Arbitrary<string> =
    parameter.in === 'path' && schema.type === 'string'
      ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ids.forName(segment)) }, { weight: 1, arbitrary: fc.uuid() })
      : (validValue(schema, ids, parameter.name) as fc.Arbitrary<unknown>).map((v) => encodeForUrl(String(v)));
  const hostile = hostileParameter(() => ids.foreign());
  const value = fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 3, arbitrary: hostile });
  if (parameter.in === 'path') return value;
  return fc.oneof(
    { weight: 4, arbitrary: value },
    { weight: parameter.required ? 1 : 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) },
  );
}

function decoded(value: string): string {
  return decodeURIComponentSafe(value);
}

/** The generator of requests for one operation of the document. */
export function requestCase(operation: Operation, ids: IdPool): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query');
  const values = fc.tuple(...parameters.map((p) => parameterValue(p, ids, operation.path)));
  const described = operation.body;
  const body: fc.Arbitrary<FuzzBody> = operation.method === 'GET'
    ? fc.constant<FuzzBody>({ kind: 'none' })
    : !described
    ? fc.oneof({ weight: 4, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) }, { weight: 1, arbitrary: jsonBody({ type: 'object' }, ids) })
    : described.mediaType === 'multipart/form-data'
      ? multipartBody(described.schema, ids)
      : described.mediaType === 'text/csv'
        ? csvBody(ids)
        : jsonBody(described.schema, ids);
  const foreign = new Set(ids.foreign());
  return fc.tuple(values, body).map(([chosen, b]) => {
    let url = operation.path;
    const query: string[] = [];
    const forbidden: string[] = [];
    let foreignInPath = false;
    parameters.forEach((parameter, i) => {
      const value = chosen[i];
      if (parameter.in === 'path') {
        const segment = value as string;
        url = url.replace(`{${parameter.name}}`, segment);
        if (foreign.has(segment)) foreignInPath = true;
        forbidden.push(...parameterProblems(parameter, decoded(segment)));
        return;
      }
      for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) query.push(`${encodeURIComponent(parameter.name)}=${v}`);
      // Query strings are judged only when required and missing: the API reads optional flags leniently (known, see docs).
      if (value === undefined) forbidden.push(...parameterProblems(parameter, undefined));
    });
    if (query.length) url += `?${query.join('&')}`;
    const request: FuzzRequest = { url, body: b, forbidden: [...forbidden, ...bodyProblems(operation, b)], foreignInPath };
    // fast-check prints counterexamples with this: keep megabyte-long values out of the report.
    Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(operation, request), enumerable: false });
    return request;
  });
}

/** A request as a failure report shows it: method, URL and body, long values clipped. */
export function describeRequest(operation: Operation, request: FuzzRequest): string {
  const body = request.body.kind === 'json' ? toJson(request.body.value) : request.body.kind === 'raw' ? request.body.text : JSON.stringify(request.body);
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${operation.method} ${clip(request.url)} body (${request.body.kind}): ${clip(body)}; forbidden: ${request.forbidden.join('; ') || 'nothing'}`;
}
