import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_HEADER } from '../common/idempotency/idempotency-key-header';
import { ProblemDocumentDto } from '../common/problems/problem-document.dto';
import { withProblemResponses } from './problem-responses';
import { withPathParameterSchemas } from './path-parameters';
import { operationIdOf, routeFactsByOperationId } from './route-access';
import { withTidySchemas } from './schema-tidy';
import { withSecurity } from './security';
import { withTags } from './tags';

/**
 * The API's OpenAPI 3.0 document: what @nestjs/swagger reads from the controllers and DTOs, then completed in one
 * place from the same metadata the server runs on (access policies → security, pipes → path parameter formats, the problem filter → error answers),
 * so a new route gets its security and error answers without anyone remembering to write them.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SkinLedger API')
    .setDescription(
      'Practice management for micro-needling clinics. Errors are RFC 9457 problem+json (`type` is ' +
        '`urn:skinledger:problem:<code>`, one code from the catalog). Sign in with POST /api/auth/login; it sets the ' +
        'session cookie and the csrf_token cookie, whose value every POST, PUT, PATCH and DELETE must echo in X-CSRF-Token.',
    )
    .setVersion('1')
    .addServer('/', 'The SkinLedger server the document is served by: the API and the dashboard share one origin')
    .build();
  // Not open source (package.json: UNLICENSED); a license object needs no URL.
  config.info.license = { name: 'Proprietary: all rights reserved' };
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDocumentDto],
    operationIdFactory: operationIdOf,
  });
  const routes = routeFactsByOperationId(app);
  const completed = withPathParameterSchemas(withSecurity(withTags(withTidySchemas(document)), routes), routes);
  return withIdempotencyKeyParameter(withProblemResponses(completed, routes));
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
