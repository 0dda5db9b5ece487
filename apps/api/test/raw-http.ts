import http, { type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** From the first byte sent to the response's headers. */
  elapsedMs: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Send without Content-Length (Transfer-Encoding: chunked), as a client streaming a body of unknown size does. */
  chunked?: boolean;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * One request on its own connection, written in 64 KiB chunks with back-pressure. The server may answer (and close)
 * before the body is sent whole: writing then stops and the write error that follows is expected, not a failure.
 */
export function sendRaw(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(request.path, baseUrl);
  const body = request.body ?? Buffer.alloc(0);
  const headers: Record<string, string> = { ...request.headers };
  if (!request.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    // A keep-alive agent of its own: one fresh connection, and no `Connection: close` asking the server to hang up.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request(url, { method: request.method ?? 'POST', headers, agent }, (res) => {
      answered = true;
      const elapsedMs = performance.now() - started;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8'), elapsedMs });
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      agent.destroy();
      if (!answered) reject(error);
    });
    const writeAll = async () => {
      for (let offset = 0; offset < body.length && !answered && !req.destroyed; offset += CHUNK_BYTES) {
        if (!req.write(body.subarray(offset, offset + CHUNK_BYTES))) {
          await new Promise<void>((resume) => {
            const done = () => {
              req.off('drain', done);
              req.off('close', done);
              resume();
            };
            req.on('drain', done);
            req.on('close', done);
          });
        }
      }
      if (!req.destroyed) req.end();
    };
    void writeAll();
  });
}

/** Bodies an attacker sends to a JSON route: deep arrays, deep objects, or a flat string far over the limit. */
export const hostileBodies = {
  nestedArrays: (bytes: number) => Buffer.concat([Buffer.alloc(bytes / 2, '['), Buffer.alloc(bytes / 2, ']')]),
  nestedObjects: (bytes: number) => {
    const levels = Math.floor(bytes / 6);
    return Buffer.from(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
  },
  flatString: (bytes: number) => Buffer.from(`{"email":"${'x'.repeat(bytes)}@example.com","password":"x"}`),
};
