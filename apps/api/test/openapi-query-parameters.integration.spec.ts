import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from './api-client';
import { signedInOrganization } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Query parameters are required or optional in the OpenAPI document exactly as the server enforces them: every list
 * and report route is called as the owner with none of its query parameters, and the 400 must name every parameter
 * the document marks required and no other, except those the document says are required only with or without another
 * ("Required unless patientId is given"), which OpenAPI 3.0 cannot express as `required`.
 */
type Json = Record<string, any>;
const document = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../libs/api-client/openapi.json'), 'utf8')) as Json;

interface QueryParameter {
  name: string;
  required?: boolean;
  description?: string;
}

const routes = Object.entries(document.paths as Record<string, Json>)
  .filter(([, item]) => item.get)
  .map(([route, item]) => {
    const parameters = (item.get.parameters ?? []) as (QueryParameter & { in: string; schema: Json })[];
    return { route, pathParameters: parameters.filter((p) => p.in === 'path'), query: parameters.filter((p) => p.in === 'query') };
  })
  .filter((route) => route.query.length > 0);

const CONDITIONAL = /^Required (unless|with) /;

/** A value of the right form for a path parameter that names no record: the route gets past validation to its query. */
function placeholder(parameter: Json): string {
  const schema = parameter.schema as Json;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.type === 'integer' || schema.type === 'number') return '1';
  return 'unknown';
}

describe('query parameters, required as documented', () => {
  let app: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    ({ client } = await signedInOrganization(app, 'owner'));
  });
  afterAll(() => app?.close());

  it('finds the routes with query parameters, GET /api/appointments among them', () => {
    expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(['/api/appointments', '/api/availability', '/api/schedule', '/api/waitlist/freed-slots']));
  });

  it.each(routes.map((r) => [r.route, r] as const))('GET %s without query parameters', async (_route, { route, pathParameters, query }) => {
    const url = pathParameters.reduce((at, parameter) => at.replace(`{${parameter.name}}`, placeholder(parameter)), route);
    const answer = await client.get(url);
    const required = query.filter((p) => p.required).map((p) => p.name).sort();
    const conditional = query.filter((p) => !p.required && CONDITIONAL.test(p.description ?? '')).map((p) => p.name);
    const queryNames = new Set(query.map((p) => p.name));

    if (answer.status !== 400) {
      // Nothing refused for a missing parameter: then none may be documented as required.
      expect({ status: answer.status, required }).toEqual({ status: answer.status, required: [] });
      return;
    }
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const named = [...new Set(((answer.body as Json).errors ?? []).map((e: { field: string }) => e.field) as string[])].filter((field) => queryNames.has(field));
    // Refused: for parameters the document lists, and it names exactly the required ones (or one of the conditional).
    expect(named.length).toBeGreaterThan(0);
    const unexpected = named.filter((field) => !required.includes(field) && !conditional.includes(field));
    expect({ unexpected, missingFromAnswer: required.filter((field) => !named.includes(field)) }).toEqual({ unexpected: [], missingFromAnswer: [] });
  });
});
