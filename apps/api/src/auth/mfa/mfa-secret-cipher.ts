import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';

const KEY_FILE = 'mfa-encryption.key';
const VERSION = 'v1';

/**
 * TOTP secrets at rest: AES-256-GCM, the staff member's id as associated data (a ciphertext copied onto another
 * account does not decrypt). The key comes from MFA_ENCRYPTION_KEY, else is generated once into DATA_DIR (0600);
 * either way it is never in the database, so a database dump alone does not yield anyone's second factor.
 */
@Injectable()
export class MfaSecretCipher {
  private readonly logger = new Logger('MfaSecretCipher');
  private key?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  encrypt(staffMemberId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.resolveKey(), iv);
    cipher.setAAD(Buffer.from(staffMemberId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  decrypt(staffMemberId: string, stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('Unknown MFA secret format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.resolveKey(), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(staffMemberId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Read lazily: processes that never touch MFA (tests, migrations) create no key file. */
  private resolveKey(): Buffer {
    if (this.key) return this.key;
    if (this.config.mfaEncryptionKey) return (this.key = this.config.mfaEncryptionKey);
    const file = path.join(this.config.dataDir, KEY_FILE);
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    try {
      // 'wx' fails when the file exists, so two processes starting together keep the first one's key.
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      this.logger.log(`Generated the MFA encryption key in ${file}; back it up with the database (or set MFA_ENCRYPTION_KEY)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte hex key`);
    return (this.key = key);
  }
}
