import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../common/access/access-policy.decorator';

/** The operationId of a controller's method: `Lots_receiveScan` for `LotsController.receiveScan`. Stable: the client uses it. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
}

/**
 * The access policy of every route handler, by operationId, read from the same decorator metadata the AccessGuard
 * reads (the handler's, else its controller's), so the document's security cannot drift from what the guard enforces.
 */
export function accessPoliciesByOperationId(app: INestApplication): Map<string, AccessPolicy | undefined> {
  const policies = new Map<string, AccessPolicy | undefined>();
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
        policies.set(operationIdOf(controller.name, name), policy);
      }
    }
  }
  return policies;
}
