import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { FieldProblem } from './domain-error';

/** Flattens class-validator's tree into `[{field: "credentials[0].expiresOn", message}]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const key = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const field = parent ? (key.startsWith('[') ? `${parent}${key}` : `${parent}.${key}`) : key;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldProblems: FieldProblem[]) {
    super('The request has invalid fields');
  }
}

/**
 * A JSON body of `null`, a string or an array where a DTO is expected would skip class-validator entirely
 * (and reach services as if empty): the body must be an object before its fields are checked.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' && typeof metadata.metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metadata.metatype as never);
    if (dto && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new RequestValidationError([{ field: 'body', message: 'the body must be a JSON object' }]);
    }
    if (dto) {
      const problems = prototypeKeys(value).map((field) => ({ field, message: 'unknown field' }));
      if (problems.length) throw new RequestValidationError(problems);
    }
    const validated: unknown = await super.transform(value, metadata);
    if (dto) {
      const problems = nullsTheDocumentForbids(validated).map((field) => ({ field, message: 'must not be null (leave the field out instead)' }));
      if (problems.length) throw new RequestValidationError(problems);
    }
    return validated;
  }
}

interface ApiPropertyMetadata {
  nullable?: boolean;
}

/**
 * `@IsOptional()` lets `null` through every validator, but the OpenAPI document (built from the same DTO
 * decorators) allows null only where a property says `nullable: true`: refuse the rest, so the API accepts exactly
 * what its document says. Walks the validated DTO instances (nested DTOs and arrays of them) without recursion.
 */
function nullsTheDocumentForbids(body: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[body, '']];
  while (pending.length) {
    const [value, at] = pending.pop() as [unknown, string];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${at}[${index}]`]));
      continue;
    }
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (!prototype || prototype === Object.prototype) continue; // free-form objects: nothing declared to check against
    for (const [key, property] of Object.entries(value as Record<string, unknown>)) {
      const field = at ? `${at}.${key}` : key;
      if (property !== null) {
        pending.push([property, field]);
        continue;
      }
      const declared = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, key) as ApiPropertyMetadata | undefined;
      if (declared && declared.nullable !== true) found.push(field);
    }
  }
  return found;
}

/** Names an object inherits (toString, constructor, __proto__…): the whitelist sees them as known and lets them pass. */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Where a JSON body carries an own key named like an inherited member, walked without recursion. */
function prototypeKeys(body: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string][] = [[body, '']];
  while (pending.length) {
    const [value, at] = pending.pop() as [unknown, string];
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      const field = Array.isArray(value) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      if (!Array.isArray(value) && INHERITED.has(key)) found.push(field);
      else pending.push([(value as Record<string, unknown>)[key], field]);
    }
  }
  return found;
}

/** Unknown fields are refused rather than silently dropped, so a typo never looks like success. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
