import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret generated once and kept in a file only its owner can read (0600), e.g. a database password in DATA_DIR.
 * Two processes starting at once end up with the same secret (the first link wins).
 */
export function readOrCreateSecret(file: string, bytes = 24): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    // Written whole under a temporary name, then linked into place: a reader never sees a half-written file.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temporary, randomBytes(bytes).toString('base64url'), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (!secret) throw new Error(`${file} is empty; delete it to generate a new secret`);
  fs.chmodSync(file, 0o600);
  return secret;
}
