/** Unambiguous characters only (no 0/O, 1/l/I), so a password read aloud or copied by hand survives. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password in groups of four, e.g. "k7Qm-x9Tz-Rb4w-Np2e" (16 random characters). */
export function generateTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(16));
  const chars = Array.from(bytes, (n) => ALPHABET[n % ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
