import { ParseIntPipe, ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ACCESS_POLICY, type AccessPolicy } from '../common/access/access-policy.decorator';

/** The operationId of a controller's method: `Lots_receiveScan` for `LotsController.receiveScan`. Stable: the client uses it. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
}

/** What the server enforces on a route, read from the metadata it runs on. */
export interface RouteFacts {
  /** The access policy the AccessGuard applies (the handler's, else its controller's); undefined: refused. */
  policy: AccessPolicy | undefined;
  /** Path parameters a pipe checks before the handler runs, with the schema that check amounts to. */
  pathParameterSchemas: Record<string, SchemaObject>;
}

interface RouteArgument {
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Every route handler's facts by operationId, read from the same decorator metadata the AccessGuard and Nest's
 * pipes use, so the document's security and parameter formats cannot drift from what the server enforces.
 */
export function routeFactsByOperationId(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof object] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const policy =
          (Reflect.getMetadata(ACCESS_POLICY, handler) as AccessPolicy | undefined) ??
          (Reflect.getMetadata(ACCESS_POLICY, controller) as AccessPolicy | undefined);
        facts.set(operationIdOf(controller.name, name), { policy, pathParameterSchemas: pathParameterSchemas(controller, name) });
      }
    }
  }
  return facts;
}

/** `@IdParam()` (ParseUUIDPipe) makes a path parameter a UUID; ParseIntPipe a whole number. */
function pathParameterSchemas(controller: object, method: string): Record<string, SchemaObject> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
  const schemas: Record<string, SchemaObject> = {};
  for (const [key, argument] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.PARAM || typeof argument.data !== 'string') continue;
    const pipes = argument.pipes ?? [];
    if (pipes.some((pipe) => pipe instanceof ParseUUIDPipe)) schemas[argument.data] = { type: 'string', format: 'uuid' };
    else if (pipes.some((pipe) => pipe instanceof ParseIntPipe)) schemas[argument.data] = { type: 'integer' };
  }
  return schemas;
}
