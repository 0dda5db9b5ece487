import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type net from 'node:net';

/**
 * The framework's own floor for `bench:http`: a NestJS application with one controller answering GET /api/health,
 * on the same Nest and Fastify versions and adapter settings as the app (no middie, no body parser), with nothing of
 * ours: no guard, hooks, headers, logging or request context. What separates the app's health from this is the app's
 * pipeline; what separates this from a bare Fastify hello-world is NestJS itself.
 */
@Controller('health')
class MinimalHealthController {
  @Get()
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [MinimalHealthController] })
class MinimalModule {}

export async function minimalNest(): Promise<number> {
  const app = await NestFactory.create<NestFastifyApplication>(MinimalModule, new FastifyAdapter({ skipMiddie: true }), { logger: false, bodyParser: false });
  app.setGlobalPrefix('api');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.getHttpServer().address() as net.AddressInfo).port;
}
