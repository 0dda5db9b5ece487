import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with what every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const TOTP_ISSUER = 'SkinLedger';
/** Codes of the step before or after are accepted too (clock drift, a code typed as it rolled over). */
const DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({ ...PARAMETERS, issuer: TOTP_ISSUER, label: accountName, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** The 30-second step a code belongs to, or null when it matches none within the drift allowed. */
export function matchingTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ ...PARAMETERS, secret: Secret.fromBase32(secretBase32) });
  const delta = totp.validate({ token, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

// Crockford's base32 letters (no i, l, o, u): 32 symbols, so a byte modulo 32 is unbiased.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten single-use codes of 16 characters of base32 (80 bits each), shown as xxxx-xxxx-xxxx-xxxx. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4)).join('-');
  });
}

/** SHA-256 is enough for codes this random (nothing to brute-force offline); dashes, spaces and case are ignored. */
export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest();
}
