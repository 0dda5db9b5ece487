/** A tiny HTTP client for integration tests: keeps cookies like a browser and echoes the CSRF token. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
  /** The body's bytes as sent (text drops a UTF-8 byte-order mark; bytes keep it). */
  bytes: Buffer;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send the X-CSRF-Token header (default true), to test its absence. */
  csrf?: boolean;
  /** A body sent as is: text (as UTF-8) or bytes (e.g. a Windows-1252 file). */
  rawBody?: string | Uint8Array;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, body, options);
  }
  put<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, body, options);
  }
  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const multipart = body instanceof FormData;
    // fetch sets the multipart boundary itself.
    if (!multipart && (body !== undefined || options.rawBody !== undefined)) headers['content-type'] ??= 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('csrf_token');
    if (csrf && options.csrf !== false) headers['x-csrf-token'] ??= csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: multipart ? body : (options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value.join('=') === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text, bytes };
  }
}
