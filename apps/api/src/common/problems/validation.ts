import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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
    return super.transform(value, metadata);
  }
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
