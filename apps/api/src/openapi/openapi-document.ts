import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
  return withProblemResponses(document);
}

/** Every operation can fail with a problem document; declaring it lets the typed client see error bodies. */
function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const problemResponse = {
    description: 'An RFC 9457 problem document (validation 400, 401, 403, 404, 409, 422, 429, 500)',
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
