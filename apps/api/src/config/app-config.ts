import path from 'node:path';

/**
 * The process configuration, read once from the environment and validated at start-up.
 * A bad value stops the process with a message naming the variable.
 */
export interface AppConfig {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the app runs an embedded server with its data under dataDir. */
  databaseUrl?: string;
  /** The restricted role's URL when the operator provisions it; otherwise the app creates skinledger_app. */
  databaseAppUrl?: string;
  /** Password of skinledger_app; otherwise generated once into DATA_DIR/database-app-password (0600). */
  databaseAppPassword?: string;
  /** Connections the API's pool holds (pg-boss shares them). */
  databasePoolSize: number;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Built dashboard to serve at /; absent in tests that exercise only the API. */
  webDistDir?: string;
  corsOrigins: string[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Send the session cookie only over HTTPS (production behind TLS). */
  secureCookies: boolean;
  /** Believe X-Forwarded-For (client IPs in the audit trail and rate limits) only behind a known proxy. */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  nodeEnv: 'production' | 'development' | 'test';
  /** Outgoing email (reminders, notices): an SMTP URL for nodemailer (smtp://user:pass@host:587); unset = outbox only. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Appointment reminders go this many hours before the start (an organization's settings.reminderHoursBefore wins). */
  reminderHoursBefore: number;
  /** Run the outbox worker (pg-boss) in this process; off in tests, which start workers themselves. */
  messageWorker: boolean;
  /**
   * Key of the audit chain's HMAC-SHA256 (AUDIT_HMAC_KEY, at least 32 bytes as hex or base64). Unset: generated
   * once into DATA_DIR/audit-hmac.key (AuditKeyProvider). The database never holds it.
   */
  auditHmacKey?: Buffer;
  /**
   * Requests per minute one IP address may send to the public, session-less API (/api/public/*: online booking);
   * beyond it 429 problem+json with Retry-After (PUBLIC_RATE_LIMIT_PER_MINUTE, default 60).
   */
  publicRateLimitPerMinute: number;
  /**
   * Where patients reach this clinic's server from outside (PUBLIC_URL, e.g. https://book.example-clinic.com; no
   * trailing slash): the base of the links e-mails carry, such as an online booking's manage link
   * `<publicUrl>/book/manage/<token>`. Default http://localhost:<PORT>, right only on the machine itself.
   */
  publicUrl: string;
  /** AES-256 key for MFA secrets at rest (MFA_ENCRYPTION_KEY); unset: generated once into dataDir. */
  mfaEncryptionKey?: Buffer;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

function databaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use the postgres:// scheme (got "${url.protocol}")`);
  }
  if (name !== 'DATABASE_URL' && !url.username) throw new ConfigError(name, 'must name the role (postgres://role:password@host/database)');
  return raw;
}

function publicUrl(env: Env, port: number): string {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', 'is not a URL (expected https://host or https://host/path)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL', `must use https:// or http:// (got "${url.protocol}")`);
  if (url.search || url.hash) throw new ConfigError('PUBLIC_URL', 'must have no query or fragment');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a URL (expected smtp://user:password@host:587 or smtps://...)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must use smtp:// or smtps:// (got "${url.protocol}")`);
  return raw;
}

/** At least 256 bits, as hex (64+ characters) or base64: a shorter key would weaken the chain's HMAC. */
function auditHmacKey(env: Env): Buffer | undefined {
  const raw = env.AUDIT_HMAC_KEY?.trim();
  if (raw === undefined || raw === '') return undefined;
  let key: Buffer | undefined;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(raw)) key = Buffer.from(raw, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64');
  if (!key || key.length < 32) {
    throw new ConfigError('AUDIT_HMAC_KEY', 'must be at least 32 random bytes, as hex (64 characters) or base64 (e.g. `openssl rand -hex 32`)');
  }
  return key;
}

/** 32 bytes as 64 hex digits or base64. */
function aes256Key(env: Env, name: string): Buffer | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(raw) && key.toString('base64').replace(/=+$/, '') !== raw.replace(/=+$/, ''))) {
    throw new ConfigError(name, 'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)');
  }
  return key;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['production', 'development', 'test'] as const, 'production');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins (bad: "${origin}")`);
    }
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: databaseUrl(env),
    databaseAppUrl: databaseUrl(env, 'DATABASE_APP_URL'),
    databaseAppPassword: env.DATABASE_APP_PASSWORD || undefined,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 2, 200),
    dataDir: path.resolve(cwd, env.DATA_DIR || '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    webDistDir: env.WEB_DIST_DIR === '' ? undefined : path.resolve(cwd, env.WEB_DIST_DIR || 'dist/apps/web'),
    corsOrigins,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 14),
    secureCookies: boolean(env, 'SECURE_COOKIES', false),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    nodeEnv,
    smtpUrl: smtpUrl(env),
    smtpFrom: env.SMTP_FROM || 'SkinLedger <no-reply@skinledger.invalid>',
    reminderHoursBefore: integer(env, 'REMINDER_HOURS_BEFORE', 24, 1, 336),
    publicRateLimitPerMinute: integer(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    publicUrl: publicUrl(env, port),
    messageWorker: boolean(env, 'MESSAGE_WORKER', nodeEnv !== 'test'),
    auditHmacKey: auditHmacKey(env),
    mfaEncryptionKey: aes256Key(env, 'MFA_ENCRYPTION_KEY'),
  };
}
