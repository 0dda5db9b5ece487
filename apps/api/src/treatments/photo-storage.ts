import { Inject, Injectable } from '@nestjs/common';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Where photo bytes live. The database keeps the key and a SHA-256 of the bytes; an object store (S3 and the like)
 * can replace the file system by providing another implementation under PHOTO_STORAGE.
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export const PHOTO_STORAGE = Symbol('PhotoStorage');

/** Photos as files under DATA_DIR/photos/<organization>/<photo id>, written once (never overwritten). */
@Injectable()
export class FileSystemPhotoStorage implements PhotoStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.join(config.dataDir, 'photos');
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': a key is written once; an existing file is never replaced.
    await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`Invalid photo storage key ${key}`);
    return path.join(this.root, key);
  }
}
