import fc from 'fast-check';
import { createTestApp, type TestApp } from '../test-app';
import { createFuzzWorld, type FuzzWorld } from './fuzz-world';
import { DEEP_NESTING, toJson } from './hostile-values';
import { operations, type Operation } from './openapi-model';
import { describeRequest, requestCase, type FuzzBody, type FuzzRequest } from './request-cases';

/** FUZZ_RUNS cases per operation (≥ 50 in CI); FUZZ_SEED (and FUZZ_PATH) replay what a failure printed. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const FUZZ_PATH = process.env.FUZZ_PATH;
const ANSWER_TIMEOUT_MS = 20_000;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function encode(body: FuzzBody): { body?: string | FormData; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {};
    case 'json':
      return { body: toJson(body.value), contentType: 'application/json' };
    case 'raw':
      return { body: body.text, contentType: body.contentType ?? undefined };
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of Object.entries(body.fields)) if (v !== undefined) form.append(k, v);
      if (body.file) form.append('file', new Blob([Buffer.from(body.file.bytes)], { type: body.file.type }), 'photo.bin');
      return { body: form };
    }
  }
}

/** Sends as the owner (cookie and CSRF header) without keeping cookies the answer sets, e.g. a fuzzed login's. */
async function send(world: FuzzWorld, operation: Operation, request: FuzzRequest): Promise<Answer> {
  const { body, contentType } = encode(request.body);
  const cookies = world.owner.client.cookies;
  const headers: Record<string, string> = {
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': cookies.get('csrf_token') ?? '',
  };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(`${world.app.baseUrl}${request.url}`, { method: operation.method, headers, body, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** What is wrong with the answer, or nothing: no 5xx, errors as problem+json, no 2xx for what the document forbids. */
export function answerProblems(request: FuzzRequest, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status >= 400) {
    if (!answer.contentType.startsWith('application/problem+json')) problems.push(`error as ${answer.contentType || 'no media type'}, not application/problem+json`);
    let document: { status?: unknown; title?: unknown; detail?: unknown } = {};
    try {
      document = JSON.parse(answer.text) as typeof document;
    } catch {
      problems.push('error body is not JSON');
    }
    if (document.status !== answer.status) problems.push(`problem status ${String(document.status)} ≠ ${answer.status}`);
    if (typeof document.title !== 'string' && typeof document.detail !== 'string') problems.push('problem without title or detail');
  }
  if (answer.status >= 200 && answer.status < 300) {
    if (request.forbidden.length) problems.push(`answered ${answer.status} to what the document forbids: ${request.forbidden.slice(0, 5).join('; ')}`);
    if (request.foreignInPath) problems.push(`answered ${answer.status} for another organization's record`);
  }
  return problems;
}

/**
 * One Jest suite fuzzing the given operations against one app and one seeded organization, signed in as
 * its owner; each operation is its own test with FUZZ_RUNS cases.
 */
export function describeFuzz(title: string, include: (operation: Operation) => boolean): void {
  const chosen = operations().filter(include);
  describe(`fuzz: ${title}`, () => {
    let app: TestApp;
    let world: FuzzWorld;

    beforeAll(async () => {
      app = await createTestApp();
      world = await createFuzzWorld(app);
      if (!DEEP_NESTING) process.stderr.write('FUZZ_DEEP_NESTING=0: ~3,000-level nesting is not generated (pending the request guards)\n');
    }, 120_000);
    afterAll(async () => app?.close());

    it.each(chosen.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
      const property = fc.asyncProperty(
        requestCase(operation, world),
        async (request) => {
          const answer = await send(world, operation, request);
          // A fuzzed logout (or anything that ends the session) must not leave the rest of the run signed out.
          if (answer.status === 401 || (operation.path === '/api/auth/logout' && answer.status < 300)) await world.signInAgain();
          const problems = answerProblems(request, answer);
          if (problems.length) throw new Error(`${problems.join('\n')}\n${describeRequest(operation, request)}\nanswer: ${answer.text.slice(0, 300)}`);
        },
      );
      await fc.assert(property, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, path: FUZZ_PATH, endOnFailure: true });
    }, 600_000);
  });
}
