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
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDocumentDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}
