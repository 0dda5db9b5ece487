import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { registerCsvBodyParser } from './common/http/csv-body-parser';
import { registerMultipartBodyParser } from './common/http/multipart-body';
import { registerBodyFingerprint } from './common/idempotency/body-fingerprint';
import { JSON_BODY_LIMIT_BYTES, registerJsonBodyParser } from './common/http/json-body-parser';
import { registerPublicRateLimit } from './common/http/public-rate-limit';
import { isFramableBookingPage, registerResponseHeaders, replaceWithFramableHeaders, securityHeaderValues } from './common/http/security-headers';
import { createAppLogger } from './common/logging/app-logger';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import { isProbe, requestLoggerOptions } from './common/logging/request-logging';
import { sendFrameworkError } from './common/problems/fastify-errors';
import type { AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './common/problems/problem-details.filter';
import { createValidationPipe } from './common/problems/validation';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { installRequestTransactions, shareRequestRunner } from './database/request-transaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export interface CreateAppOptions {
  /** Where the JSON log lines go (stdout when not given): tests read them back. */
  logDestination?: DestinationStream;
}

/** Builds the Fastify-backed Nest application; shared by the server, the tests and the OpenAPI export. */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // One pino logger for Fastify's request lines and Nest's application logs.
  const logger = createAppLogger(config, options.logDestination);
  const adapter = new FastifyAdapter({
    ...requestLoggerOptions(logger),
    trustProxy: config.trustProxy,
    // JSON has its own guarded parser (registerJsonBodyParser); this is the ceiling for any other parser.
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    frameworkErrors: sendFrameworkError,
    // No Nest middleware (MiddlewareConsumer) in this app: without @fastify/middie no request runs its hook.
    skipMiddie: true,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new NestPinoLogger(logger),
    // Nest's own JSON parser would buffer and parse before any guard; registerJsonBodyParser replaces it.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');

  registerResponseHeaders(app.getHttpAdapter().getInstance(), config);
  await registerPublicRateLimit(app, config.publicRateLimitPerMinute);
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });

  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify);
  registerCsvBodyParser(fastify);
  registerMultipartBodyParser(fastify);
  // One transaction per signed-in request, on the app role's pool, scoped to the session's organization.
  shareRequestRunner(app.get(DataSource));
  installRequestTransactions(fastify);
  registerBodyFingerprint(fastify);
  // Probes answer a few bytes, far below compress's 1 KB threshold: they skip its hooks.
  fastify.addHook('onRoute', (route) => {
    if (isProbe(route.url)) route.compress = false;
  });
  // Answers of 1 KB or more (JSON lists, CSV exports, the iCalendar feed, problem documents) go out in the encoding the
  // client accepts, brotli before gzip, with `Vary: Accept-Encoding`; PDFs and photos are already compressed and go as
  // they are. Its onSend runs per route, after the request transaction's (which may still swap the answer for a
  // problem document), so it compresses the final answer. Request bodies are not inflated: the JSON parser's size
  // limits keep measuring what arrives on the wire.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });

  const webDistDir = config.webDistDir;
  const indexHtml = webDistDir ? path.join(webDistDir, 'index.html') : '';
  const serveDashboard = webDistDir !== undefined && fs.existsSync(indexHtml);
  // The patients' booking pages (issue 16): their own small page (apps/web/book.html), not the dashboard's.
  const bookHtml = webDistDir ? path.join(webDistDir, 'book.html') : '';
  const serveBooking = webDistDir !== undefined && fs.existsSync(bookHtml);
  const framableHeaders = securityHeaderValues(config, true);
  if (serveDashboard) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      wildcard: false,
      // The build writes brotli and gzip siblings of every asset (vite.config.ts): sent as they are, by Accept-Encoding.
      preCompressed: true,
      // Source maps stay on the server (build.sourcemap 'hidden'): the dashboard's source is not published.
      allowedPath: (pathname) => !pathname.endsWith('.map'),
      setHeaders: (res, filePath) => {
        // Vite fingerprints asset names, so they never change; index.html must always be revalidated.
        void res.header('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const spaFallback = (request: FastifyRequest, reply: FastifyReply): boolean => {
    // Only page routes fall back to the dashboard; a missing file (e.g. a stale /assets/*.js) stays a 404. HEAD too:
    // uptime monitors and link checkers ask for a page with HEAD.
    const pathname = request.url.split('?')[0];
    if (!serveDashboard || (request.method !== 'GET' && request.method !== 'HEAD') || pathname.startsWith('/api') || /\.[a-z0-9]+$/i.test(pathname)) return false;
    // /book and everything under it (the manage link /book/manage/<key>, which the e-mails carry: manage-link.ts).
    const booking = pathname === '/book' || pathname.startsWith('/book/');
    if (booking && !serveBooking) return false;
    if (booking && isFramableBookingPage(pathname)) replaceWithFramableHeaders(reply, framableHeaders);
    void reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(booking ? bookHtml : indexHtml));
    return true;
  };

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(spaFallback));

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'SkinLedger API',
  });
  return app;
}
