import { DomainError } from './domain-error';

/** A JSON body nested deeper than the limit: refused while it streams in, before anything parses it. */
export class JsonTooDeepError extends DomainError {
  constructor(maxDepth: number) {
    super(400, 'json-too-deep', 'JSON nested too deeply', `The request body is nested deeper than ${maxDepth} levels`, { maxDepth });
  }
}

/** A body larger than the route's limit: refused from its Content-Length, or as soon as more bytes arrive. */
export class BodyTooLargeError extends DomainError {
  constructor(limitBytes: number, kind = 'JSON') {
    super(413, 'body-too-large', 'Request body too large', `${kind} request bodies are limited to ${formatBytes(limitBytes)}`, { limitBytes });
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
