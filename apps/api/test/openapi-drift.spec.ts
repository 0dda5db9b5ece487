import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { buildOpenApiDocument } from '../src/openapi/openapi-document';

/** The dashboard's types are generated from the committed document, so it must match the API exactly. */
it('the committed OpenAPI document matches the API (run `npm run openapi` after changing routes or DTOs)', async () => {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: undefined }, 'postgres://unused@127.0.0.1:1/unused'),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  const current = JSON.parse(JSON.stringify(buildOpenApiDocument(app)));
  await app.close();
  const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../libs/api-client/openapi.json'), 'utf8'));
  expect(committed).toEqual(current);
});
