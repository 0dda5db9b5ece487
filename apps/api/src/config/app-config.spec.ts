import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, '/srv/skinledger');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/skinledger/.data');
    expect(config.sessionIdleMinutes).toBe(30);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reads the public address without a trailing slash, keeping a path', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://book.example-clinic.com/' }).publicUrl).toBe('https://book.example-clinic.com');
    expect(loadConfig({ PUBLIC_URL: 'https://example-clinic.com/skinledger/' }).publicUrl).toBe('https://example-clinic.com/skinledger');
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL must use the postgres:\/\/ scheme/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['CORS_ORIGINS', 'example', /CORS_ORIGINS must be/],
    ['SESSION_IDLE_MINUTES', '0', /SESSION_IDLE_MINUTES must be a whole number from 1/],
    ['DATABASE_APP_URL', 'postgres://127.0.0.1/skinledger', /DATABASE_APP_URL must name the role/],
    ['DATABASE_APP_URL', 'mysql://x@y/z', /DATABASE_APP_URL must use the postgres:\/\/ scheme/],
    ['DATABASE_POOL_SIZE', '1', /DATABASE_POOL_SIZE must be a whole number from 2/],
    ['AUDIT_HMAC_KEY', 'abcd', /AUDIT_HMAC_KEY must be at least 32 random bytes/],
    ['AUDIT_HMAC_KEY', 'not base64 or hex!', /AUDIT_HMAC_KEY must be at least 32 random bytes/],
    ['PUBLIC_URL', 'book.example.com', /PUBLIC_URL is not a URL/],
    ['PUBLIC_URL', 'ftp://book.example.com', /PUBLIC_URL must use https:\/\/ or http:\/\//],
  ])('names the bad variable %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads the audit chain key as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ AUDIT_HMAC_KEY: hex }).auditHmacKey).toEqual(Buffer.from(hex, 'hex'));
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ AUDIT_HMAC_KEY: b64 }).auditHmacKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).auditHmacKey).toBeUndefined();
  });
});
