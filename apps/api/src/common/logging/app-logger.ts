import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';

/**
 * Headers that carry a secret, censored when a log line has a `headers` object. Request lines have none: their `req`
 * and `res` serializers write no headers at all, so no redaction pass runs per request (pino redacts only the
 * top-level keys named here, and only on lines that carry them; a leading wildcard would redact every line).
 */
const REDACTED_PATHS = ['headers.cookie', 'headers.authorization', 'headers["x-csrf-token"]', 'headers["set-cookie"]'];

/**
 * A URL as a log line may hold it: the key of an online booking's manage link (/api/public/appointments/<key>/…) is
 * the patient's credential, so it is replaced by `[key]`; the rest of the path (which action) stays.
 */
export function loggableUrl(url: string | undefined): string | undefined {
  return url?.replace(/^(\/api\/public\/appointments\/)[^/?#]*/i, '$1[key]');
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/**
 * The API's one pino logger: Fastify's request lines and Nest's application logs (through NestPinoLogger) both
 * write JSON lines through it. Built once per app; `destination` is for tests that read the lines back.
 */
export function createAppLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'skinledger-api' },
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      serializers: {
        // What a request line says of the request: no headers, so no cookie, authorization or CSRF token.
        req: (request: RequestLike) => ({ method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip ?? request.socket?.remoteAddress }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
