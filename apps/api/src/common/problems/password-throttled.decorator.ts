import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

/**
 * On a route that checks a password or a sign-in code: wrong guesses count against the sign-in throttle
 * (auth/login-throttle.service.ts), which then answers 429 `too-many-requests` with Retry-After.
 */
export const PasswordThrottled = () =>
  ApiTooManyRequestsResponse({
    description: 'Too many wrong passwords or codes from this account or network (`too-many-requests`): wait `retryAfterSeconds` (also the Retry-After header)',
  });
