import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidFieldError } from '../problems/domain-error';

/** The `:id` route parameter, refused with a 400 naming the field unless it is a UUID. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new InvalidFieldError(name, 'must be a UUID') }));
