import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The audit chain's HMAC key: AUDIT_HMAC_KEY, else DATA_DIR/audit-hmac.key, generated once (mode 0600) on first
 * start. It lives outside the database on purpose: whoever can write the tables cannot forge a MAC.
 */
@Injectable()
export class AuditKeyProvider implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditKeyProvider.name);
  private resolved: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Resolved on first use, so tools that build the module without serving (OpenAPI export) create no key file. */
  get key(): Buffer {
    this.resolved ??= this.config.auditHmacKey ?? this.fromDataDir(this.config.dataDir);
    return this.resolved;
  }

  /** Resolves the key at boot, so a bad key file stops the process before it serves. */
  onApplicationBootstrap(): void {
    void this.key;
  }

  private fromDataDir(dataDir: string): Buffer {
    const file = path.join(dataDir, 'audit-hmac.key');
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx': never overwrite a key that exists, or every earlier MAC would stop verifying.
      fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
      this.logger.log(`Generated the audit chain key in ${file}; back it up with the database (without it the chain cannot be verified)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const raw = fs.readFileSync(file, 'utf8').trim();
    if (!/^(?:[0-9a-f]{2}){32,}$/.test(raw)) throw new Error(`${file} is not an audit chain key (expected at least 64 hex characters)`);
    if ((fs.statSync(file).mode & 0o077) !== 0) this.logger.warn(`${file} is readable by other users: chmod 600 it`);
    return Buffer.from(raw, 'hex');
  }
}
