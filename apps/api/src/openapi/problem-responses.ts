import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  HeaderObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  ResponsesObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER } from '../common/idempotency/idempotency-key-header';
import { PROBLEM_MEDIA_TYPE } from '../common/problems/problem-document';
import { forEachOperation } from './operations';
import type { RouteFacts } from './route-access';

const PROBLEM_SCHEMA: ReferenceObject = { $ref: '#/components/schemas/ProblemDocumentDto' };

function problemContent(): ResponseObject['content'] {
  return { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_SCHEMA } };
}

const RETRY_AFTER: Record<string, HeaderObject> = {
  'Retry-After': { description: 'Seconds to wait before trying again (also in retryAfterSeconds)', schema: { type: 'integer', minimum: 1 } },
};

/** The error answers many operations share, referenced from each operation that can give them. */
export const PROBLEM_RESPONSES: Record<string, ResponseObject> = {
  BadRequest: {
    description:
      'The request is invalid: `validation` lists every field and the rule it breaks in `errors`; `malformed-json`, ' +
      '`malformed-value`, `out-of-range`, `json-too-deep`, `bad-content-length`, `bad-url` for what cannot be read at all',
    content: problemContent(),
  },
  Unauthorized: {
    description: 'No session, or it has ended (`unauthenticated`): sign in again',
    content: problemContent(),
  },
  Forbidden: {
    description:
      'Signed in but not allowed: `permission` (the role does not grant it; `permission` names it), ' +
      '`mfa-enrollment-required` (the clinic requires two-step sign-in for the role: enrol first), ' +
      '`csrf` (POST, PUT, PATCH, DELETE without the right X-CSRF-Token header)',
    content: problemContent(),
  },
  NotFound: {
    description: 'No such record in your clinic (`not-found`; `entity` and `id` say which). Another clinic’s record answers the same',
    content: problemContent(),
  },
  IdempotencyKeyInUse: {
    description: 'Another request with the same Idempotency-Key is still being processed (`idempotency-key-in-use`, `idempotency-key-taken-over`)',
    content: problemContent(),
  },
  IdempotencyKeyReused: {
    description: 'The Idempotency-Key was used for a different request (`idempotency-key-reused`)',
    content: problemContent(),
  },
  PayloadTooLarge: {
    description: 'The body is larger than this route accepts (`body-too-large`; `limitBytes` gives the limit)',
    content: problemContent(),
  },
  UnsupportedMediaType: {
    description: 'The body is not of a media type this route takes (`unsupported-media-type`)',
    content: problemContent(),
  },
  ServerError: {
    description:
      'The server failed (500 `internal`: quote `requestId` to support; nothing was saved) or the database is ' +
      'unreachable (503 `database-unavailable`, with Retry-After: try again shortly)',
    content: problemContent(),
  },
};

/** Appended to an operation's own description of a status when the route also answers it for idempotency. */
const IDEMPOTENCY_ALSO: Record<string, string> = {
  '409': 'or another request with the same Idempotency-Key is still being processed (`idempotency-key-in-use`)',
  '422': 'or the Idempotency-Key was used for a different request (`idempotency-key-reused`)',
};

const ref = (name: keyof typeof PROBLEM_RESPONSES): ReferenceObject => ({ $ref: `#/components/responses/${name}` });

/**
 * Every error answer of every operation as the problem+json the ProblemDetailsFilter sends: the statuses a route can
 * answer follow from what it is (the guard's 401/403 unless public, 400 for any input, 404 for a record in the path,
 * 413/415 for a body, the idempotency 409/422), and the ones a controller declares (409, 422, 429...) keep their words
 * but get the problem media type and schema. Everything else (500, 503) is the `default` answer.
 */
export function withProblemResponses(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  document.components = { ...document.components, responses: { ...document.components?.responses, ...PROBLEM_RESPONSES } };
  forEachOperation(document, (operation) => {
    const policy = operation.operationId ? routes.get(operation.operationId)?.policy : undefined;
    const declared = operation.responses;
    for (const [status, response] of Object.entries(declared)) {
      if (response && isError(status) && !('$ref' in response)) declared[status] = asProblem(status, response);
    }
    const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p));
    const idempotent = parameters.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_KEY_HEADER);
    const add = (status: string, name: keyof typeof PROBLEM_RESPONSES) => {
      declared[status] ??= ref(name);
    };
    if (parameters.length || operation.requestBody) add('400', 'BadRequest');
    if (policy?.kind !== 'public') {
      add('401', 'Unauthorized');
      add('403', 'Forbidden');
    }
    if (parameters.some((p) => p.in === 'path')) add('404', 'NotFound');
    if (idempotent) {
      for (const status of ['409', '422'] as const) {
        const own = declared[status];
        if (own && !('$ref' in own)) own.description = `${own.description.replace(/\.$/, '')}; ${IDEMPOTENCY_ALSO[status]}`;
        else add(status, status === '409' ? 'IdempotencyKeyInUse' : 'IdempotencyKeyReused');
      }
    }
    if (operation.requestBody) {
      add('413', 'PayloadTooLarge');
      add('415', 'UnsupportedMediaType');
    }
    declared.default = ref('ServerError');
    operation.responses = inStatusOrder(declared);
  });
  return document;
}

function isError(status: string): boolean {
  return status === 'default' || Number(status) >= 400;
}

/** A declared error answer in the media type the filter really sends, with the problem schema unless it names its own. */
function asProblem(status: string, response: ResponseObject): ResponseObject {
  const schema = Object.values(response.content ?? {}).find((media) => media.schema)?.schema ?? PROBLEM_SCHEMA;
  const retry = status === '429' || status === '503' ? { headers: { ...RETRY_AFTER, ...response.headers } } : {};
  return { ...response, ...retry, content: { [PROBLEM_MEDIA_TYPE]: { schema } } };
}

function inStatusOrder(responses: ResponsesObject): ResponsesObject {
  const order = (status: string) => (status === 'default' ? 1000 : Number(status));
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => order(a) - order(b)));
}
