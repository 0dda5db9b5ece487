import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI document the dashboard's client types are generated from. Preview mode builds the
 * module graph without connecting to a database, so this runs anywhere.
 */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'libs/api-client/openapi.json');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: undefined };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, 'postgres://unused@127.0.0.1:1/unused'),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
