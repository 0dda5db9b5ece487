import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER } from '../common/idempotency/idempotency-key-header';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SkinLedger API')
    .setDescription(
      'Practice management for micro-needling clinics. Errors are RFC 9457 problem+json. ' +
        'Sign in with POST /api/auth/login; state-changing requests must echo the csrf_token cookie in X-CSRF-Token.',
    )
    .setVersion('1')
    .addCookieAuth('sl_session')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDocumentDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return withIdempotencyKeyParameter(withProblemResponses(document));
}

/** Every operation can fail with a problem document; declaring it lets the typed client see error bodies. */
function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const problemResponse = {
    description: 'An RFC 9457 problem document (validation 400, 401, 403, 404, 409, 413, 422, 429, 500, 503 with Retry-After when the database is unreachable)',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocumentDto' } } },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      if (operation) operation.responses = { ...operation.responses, default: problemResponse };
    }
  }
  return document;
}

/** One reusable `IdempotencyKey` header parameter, referenced by every operation that honours it. */
function withIdempotencyKeyParameter(document: OpenAPIObject): OpenAPIObject {
  let parameter: ParameterObject | undefined;
  for (const pathItem of Object.values(document.paths)) {
    const operation = pathItem.post;
    if (!operation?.parameters) continue;
    operation.parameters = operation.parameters.map((candidate) => {
      if ('$ref' in candidate || candidate.in !== 'header' || candidate.name !== IDEMPOTENCY_KEY_HEADER) return candidate;
      parameter ??= candidate;
      return { $ref: '#/components/parameters/IdempotencyKey' };
    });
  }
  if (parameter) document.components = { ...document.components, parameters: { ...document.components?.parameters, IdempotencyKey: parameter } };
  return document;
}
