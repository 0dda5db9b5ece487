import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config';

/**
 * Headers that carry a secret: never written to a log line. The request line's serializers write no headers at all;
 * this is for anything else that logs a headers object (censored wherever it sits, one or two levels down).
 */
const SECRET_HEADERS = ['cookie', 'authorization', '["x-csrf-token"]', '["set-cookie"]'];
const REDACTED_PATHS = SECRET_HEADERS.flatMap((h) => [`headers${h.startsWith('[') ? h : `.${h}`}`, `*.headers${h.startsWith('[') ? h : `.${h}`}`]);

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
        req: (request: RequestLike) => ({ method: request.method, url: request.url, remoteAddress: request.ip ?? request.socket?.remoteAddress }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
