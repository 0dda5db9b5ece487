import { parse, serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session's cookies, read and written by the few places that need them (the access guard and the sign-in
 * routes) with `cookie`, the parser and serializer behind Express and @fastify/cookie. Not a global hook: a probe, a
 * public booking page or a file would pay for a parse and a Set-Cookie pass on every request (issue 15).
 */
const parsed = new WeakMap<FastifyRequest, Record<string, string | undefined>>();

/** A cookie the request carries, parsed once per request. */
export function requestCookie(request: FastifyRequest, name: string): string | undefined {
  let cookies = parsed.get(request);
  if (!cookies) {
    const header = request.headers.cookie;
    cookies = header ? parse(header) : {};
    parsed.set(request, cookies);
  }
  return cookies[name];
}

/** Adds a Set-Cookie to the answer (SameSite=Lax unless said otherwise), keeping those already set. */
export function setResponseCookie(reply: FastifyReply, name: string, value: string, options: SerializeOptions): void {
  const line = serialize(name, value, { sameSite: 'lax', ...options });
  const existing = reply.getHeader('set-cookie');
  const lines = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
  // Fastify appends to a Set-Cookie already there: the list is written afresh.
  void reply.removeHeader('set-cookie').header('set-cookie', [...lines.filter((l) => !sameCookie(l, name, options.path ?? '/')), line]);
}

/** Tells the browser to drop a cookie: empty, expired, on the path it was set with. */
export function clearResponseCookie(reply: FastifyReply, name: string, options: SerializeOptions = {}): void {
  setResponseCookie(reply, name, '', { path: '/', ...options, expires: new Date(0), maxAge: 0 });
}

/** A later Set-Cookie for the same name and path replaces the earlier one in the same answer (as @fastify/cookie did). */
function sameCookie(line: string, name: string, path: string): boolean {
  return line.startsWith(`${name}=`) && (line.includes(`; Path=${path};`) || line.endsWith(`; Path=${path}`));
}
