import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROBLEM_TYPES, RULE_CODES } from '@skinledger/domain';
import { AppModule } from '../src/app.module';
import { ACCESS_POLICY, type AccessPolicy } from '../src/common/access/access-policy.decorator';
import { loadConfig } from '../src/config/app-config';

/**
 * The committed OpenAPI document (libs/api-client/openapi.json, which openapi-drift.spec.ts keeps equal to what the API
 * generates) as tools nobody on the team wrote read it: Redocly's recommended rules and swagger-parser's validator.
 */
const root = path.join(__dirname, '../../..');
const documentPath = path.join(root, 'libs/api-client/openapi.json');

type Json = Record<string, any>;
const document = JSON.parse(fs.readFileSync(documentPath, 'utf8')) as Json;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const operations = Object.entries(document.paths as Record<string, Json>).flatMap(([route, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ method, route, operation: item[method] as Json, name: `${method.toUpperCase()} ${route}` })),
);

/** Follows `$ref`s (and the one-schema `allOf` wrapper @nestjs/swagger puts around a described reference). */
function resolve(node: Json): Json {
  if (node.allOf?.length === 1) return resolve(node.allOf[0] as Json);
  if (!node.$ref) return node;
  const target = (node.$ref as string).replace('#/', '').split('/').reduce<Json>((at, key) => at[key], document);
  return resolve(target);
}

describe('the OpenAPI document, read by Redocly and swagger-parser', () => {
  it('passes Redocly lint with the recommended rules (redocly.yaml): no errors, no warnings', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format=json', '--max-problems=1000', documentPath], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.status).toBe(0);
  }, 60_000);

  it('is a valid OpenAPI 3.0 document for swagger-parser (schema and references)', () => {
    // In a process of its own: swagger-parser's reference parser is an ES module, which Jest's CommonJS runtime cannot load.
    const script = `import SwaggerParser from '@apidevtools/swagger-parser';
      const api = await SwaggerParser.validate(process.argv[1]);
      process.stdout.write(JSON.stringify({ openapi: api.openapi, paths: Object.keys(api.paths).length }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, documentPath], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ openapi: expect.stringMatching(/^3\.0\./), paths: Object.keys(document.paths).length });
  }, 60_000);

  it('names a server, and gives every operation a summary, a tag and its security', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(operations.length).toBeGreaterThan(150);
    const incomplete = operations.filter(({ operation }) => !operation.summary || !operation.tags?.length || !Array.isArray(operation.security)).map((o) => o.name);
    expect(incomplete).toEqual([]);
  });

  it('answers every error as problem+json with the problem schema, whose codes are the catalog', () => {
    const wrong: string[] = [];
    for (const { operation, name } of operations) {
      const statuses = Object.keys(operation.responses as Json);
      if (!statuses.some((status) => /^4\d\d$/.test(status)) && !['GET /api/health', 'GET /api/health/ready', 'GET /api/setup'].includes(name)) wrong.push(`${name}: no 4xx`);
      for (const status of statuses.filter((s) => s === 'default' || Number(s) >= 400)) {
        const response = resolve(operation.responses[status] as Json);
        const media = Object.keys(response.content ?? {});
        if (media.join() !== 'application/problem+json') {
          wrong.push(`${name} ${status}: ${media.join() || 'no content'}`);
          continue;
        }
        const schema = resolve(response.content['application/problem+json'].schema as Json);
        const required = [...(schema.required ?? []), ...(schema.allOf ?? []).flatMap((part: Json) => resolve(part).required ?? [])];
        if (!['type', 'title', 'status', 'detail'].every((field) => required.includes(field))) wrong.push(`${name} ${status}: not a problem document`);
      }
    }
    expect(wrong).toEqual([]);
    const problem = document.components.schemas.ProblemDocumentDto as Json;
    expect(resolve(problem.properties.type as Json).enum).toEqual([...PROBLEM_TYPES]);
    const violation = resolve(resolve(problem.properties.violations as Json).items as Json);
    expect(resolve(violation.properties.code as Json).enum).toEqual([...RULE_CODES]);
  });

  it('declares security as the access guard enforces it: none on public routes, the session elsewhere, and the CSRF header on every unsafe method', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: undefined }, 'postgres://unused@127.0.0.1:1/unused'),
      new FastifyAdapter(),
      { preview: true, logger: false },
    );
    // Walked here by method and path, independently of the operationIds the document's builder matches on.
    const policies = new Map<string, AccessPolicy | undefined>();
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
        for (const key of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[key as keyof object] as unknown;
          if (key === 'constructor' || typeof handler !== 'function') continue;
          const route = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (route === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const openApiPath = `/api/${[base, route].filter((p) => p && p !== '/').join('/')}`.replace(/:(\w+)/g, '{$1}');
          policies.set(`${method} ${openApiPath}`, (Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, controller)) as AccessPolicy | undefined);
        }
      }
    }
    await app.close();

    expect(operations.map((o) => o.name).sort()).toEqual([...policies.keys()].sort());
    const schemes = document.components.securitySchemes as Json;
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'sl_session' });
    expect(schemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const mismatched = operations.filter(({ method, operation, name }) => {
      const policy = policies.get(name);
      const expected = policy?.kind === 'public' ? [] : [method === 'get' ? { session: [] } : { session: [], csrfToken: [] }];
      return JSON.stringify(operation.security) !== JSON.stringify(expected);
    });
    expect(mismatched.map((o) => `${o.name}: ${JSON.stringify(o.operation.security)}`)).toEqual([]);
    expect(operations.filter((o) => o.operation.security.length === 0).map((o) => o.name).sort()).toEqual([
      'GET /api/calendar-feeds/{file}',
      'GET /api/health',
      'GET /api/health/ready',
      'GET /api/public/appointments/{token}',
      'GET /api/public/appointments/{token}/forms',
      'GET /api/public/booking/availability',
      'GET /api/public/booking/options',
      'GET /api/setup',
      'POST /api/auth/login',
      'POST /api/auth/login/mfa',
      'POST /api/public/appointments/{token}/cancel',
      'POST /api/public/appointments/{token}/confirm',
      'POST /api/public/appointments/{token}/consents/{consentId}/sign',
      'POST /api/public/appointments/{token}/reschedule',
      'POST /api/public/booking/holds',
      'POST /api/public/booking/holds/{holdId}/confirm',
      'POST /api/setup',
      'PUT /api/public/appointments/{token}/medical-history',
    ]);
  });
});
